use tracing_subscriber::{EnvFilter, fmt};

/// Structured logs on stderr: JSON by default (for log shippers), or
/// human-readable with `TORVAN_LOG_FORMAT=pretty`. `RUST_LOG` sets the level.
pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,aws_smithy_runtime=warn"));
    let builder = fmt().with_env_filter(filter).with_writer(std::io::stderr);
    if std::env::var("TORVAN_LOG_FORMAT").as_deref() == Ok("pretty") {
        builder.init();
    } else {
        builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .init();
    }
}
