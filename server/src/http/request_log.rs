use axum::Router;
use axum::http::{HeaderName, Request};
use tower_http::CompressionLevel;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Gives every request an id (kept if a proxy sent one), logs it with the
/// method, path, status and latency, and returns it in `x-request-id` so a
/// user's report can be matched to the log.
pub fn layer(router: Router) -> Router {
    router
        // Pages are gzipped as they stream out. Brotli allocates a window of
        // megabytes per response: under load it cut the order list's rate by
        // a third and its p99 rose to 0.5 s (BENCHMARKS.md). The static
        // bundle is served pre-compressed with brotli anyway.
        .layer(
            CompressionLayer::new()
                .no_br()
                .gzip(true)
                .quality(CompressionLevel::Precise(4)),
        )
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request<_>| {
                    let id = request
                        .headers()
                        .get(&REQUEST_ID)
                        .and_then(|value| value.to_str().ok())
                        .unwrap_or("-");
                    tracing::info_span!("request", request_id = %id,
                        method = %request.method(), path = %request.uri().path())
                })
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}
