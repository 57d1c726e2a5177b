use std::net::SocketAddr;

use axum::serve::ListenerExt;
use leptos::prelude::LeptosOptions;
use tokio::net::TcpListener;

use crate::config::ServeConfig;
use crate::http::{AppState, router};
use crate::live::Hub;
use crate::storage::Storage;
use crate::{ServerError, db};

/// Starts everything the app needs, in the order that reports problems
/// earliest, then serves until Ctrl-C or SIGTERM.
pub async fn run() -> Result<(), ServerError> {
    let config = ServeConfig::from_env()?;
    let listener = TcpListener::bind(config.site_addr)
        .await
        .map_err(|source| ServerError::Bind {
            addr: config.site_addr,
            source,
        })?
        // Without TCP_NODELAY, small responses wait ~40 ms for delayed ACKs.
        .tap_io(|tcp| {
            if let Err(error) = tcp.set_nodelay(true) {
                tracing::warn!(%error, "cannot set TCP_NODELAY");
            }
        });
    let pool = db::connect(&config.database).await?;
    db::migrate_for(&config.database, &pool).await?;
    let storage = Storage::start(&config.storage).await?;

    let leptos_options = LeptosOptions::builder()
        .output_name("torvan")
        .site_root(config.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(config.site_addr)
        .build();
    let live = Hub::new(pool.clone());
    tokio::spawn(crate::jobs::health::run_periodically(pool.clone()));
    tokio::spawn(crate::jobs::freeze::run_periodically(
        pool.clone(),
        storage.clone(),
    ));
    tokio::spawn(crate::jobs::retention::run_periodically(
        pool.clone(),
        storage.clone(),
    ));
    let app = router(AppState {
        leptos_options,
        pool: pool.clone(),
        storage,
        auth: config.auth,
        live: live.clone(),
        max_body_bytes: config.max_body_bytes,
        max_import_bytes: config.max_import_bytes,
    });

    tracing::info!(
        url = %format!("http://{}", config.site_addr),
        behind_tls = config.auth.secure_cookies,
        "TORVAN is serving"
    );
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    // Open boards' streams never end by themselves: they are ended, so the
    // graceful shutdown finishes and the browsers reconnect elsewhere.
    .with_graceful_shutdown(async move {
        shutdown_signal().await;
        live.shut_down();
    })
    .await
    .map_err(ServerError::Serve)?;
    pool.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
