//! The HTTP surface: probes, static assets, the Leptos pages and server
//! functions, wrapped in request ids, logs, compression and a body limit.

mod api_status;
mod downloads;
mod health;
mod request_log;
mod security;
mod session;
mod static_files;

use axum::Router;
use axum::extract::FromRef;
use axum::http::request::Parts;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::get;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use sqlx::PgPool;
use torvan_app::auth::sessions::AuthSettings;
use torvan_app::{App, shell};

use crate::storage::Storage;

/// What every handler can reach. Cheap to clone: all handles are shared.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: PgPool,
    pub storage: Storage,
    pub auth: AuthSettings,
    pub max_body_bytes: usize,
}

pub fn router(state: AppState) -> Router {
    let max_body_bytes = state.max_body_bytes;
    let routes = generate_route_list(App);
    let context = {
        let (pool, auth) = (state.pool.clone(), state.auth);
        move || {
            provide_context(pool.clone());
            provide_context(auth);
            // The nonce the CSP header of this response names (see `security`).
            if let Some(security::CspNonce(nonce)) = use_context::<Parts>()
                .and_then(|parts| parts.extensions.get::<security::CspNonce>().cloned())
            {
                provide_context(nonce);
            }
        }
    };
    let render = {
        let options = state.leptos_options.clone();
        move || shell(options.clone())
    };

    let app = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/inventory/parts.csv", get(downloads::parts))
        .route("/inventory/reorder.csv", get(downloads::reorder_report))
        .route(
            "/orders/{number}/sinks/{build}/bom.csv",
            get(downloads::bom),
        )
        .nest_service("/pkg", static_files::pkg(&state.leptos_options))
        .leptos_routes_with_context(&state, routes, context.clone(), render)
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .layer(from_fn(api_status::map))
        .layer(from_fn_with_state(state.clone(), session::resolve))
        .layer(from_fn_with_state(state.clone(), security::headers))
        .with_state(state);
    request_log::layer(app, max_body_bytes)
}
