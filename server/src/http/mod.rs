//! The HTTP surface: probes, static assets, the Leptos pages and server
//! functions, wrapped in request ids, logs, compression, the security
//! checks, the session, and a body limit with its arguments screened.

mod api_status;
mod arguments;
mod downloads;
mod health;
mod request_log;
mod security;
mod session;
mod static_files;
mod unavailable;
mod uploads;

use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRef};
use axum::http::request::Parts;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, post};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use sqlx::PgPool;
use torvan_app::auth::sessions::AuthSettings;
use torvan_app::inventory::transfer;
use torvan_app::{App, shell};
use tower_http::limit::RequestBodyLimitLayer;

use crate::storage::Storage;

/// What every handler can reach. Cheap to clone: all handles are shared.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: PgPool,
    pub storage: Storage,
    pub auth: AuthSettings,
    pub max_body_bytes: usize,
    #[from_ref(skip)]
    pub max_import_bytes: usize,
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

    // The parts file is the one upload: it gets its own, larger limit, and
    // every other route (every server function) the small general one.
    let max_import_bytes = state.max_import_bytes;
    let uploads = Router::new()
        .route(transfer::IMPORT_PATH, post(uploads::import_parts))
        .layer(DefaultBodyLimit::max(max_import_bytes))
        .layer(from_fn_with_state(max_import_bytes, arguments::screen))
        .layer(RequestBodyLimitLayer::new(max_import_bytes));
    let app = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/inventory/parts.csv", get(downloads::parts))
        .route("/inventory/reorder.csv", get(downloads::reorder_report))
        .route(torvan_app::routes::AUDIT_CSV, get(downloads::audit_trail))
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
        .layer(from_fn_with_state(max_body_bytes, arguments::screen))
        .layer(RequestBodyLimitLayer::new(max_body_bytes))
        .merge(uploads)
        .layer(from_fn(api_status::map))
        .layer(from_fn_with_state(state.clone(), session::resolve))
        .layer(from_fn_with_state(state.clone(), security::headers))
        .with_state(state);
    request_log::layer(app)
}
