//! The HTTP surface: probes, static assets, the Leptos pages and server
//! functions, wrapped in request ids, logs, compression and a body limit.

mod health;
mod request_log;
mod static_files;

use axum::Router;
use axum::extract::FromRef;
use axum::routing::get;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use sqlx::PgPool;
use torvan_app::{App, shell};

use crate::storage::Storage;

/// What every handler can reach. Cheap to clone: all handles are shared.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: PgPool,
    pub storage: Storage,
}

/// Request bodies above this are refused before reaching a handler.
const BODY_LIMIT_BYTES: usize = 2 * 1024 * 1024;

pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let context = {
        let pool = state.pool.clone();
        move || provide_context(pool.clone())
    };
    let render = {
        let options = state.leptos_options.clone();
        move || shell(options.clone())
    };

    let app = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .nest_service("/pkg", static_files::pkg(&state.leptos_options))
        .leptos_routes_with_context(&state, routes, context.clone(), render)
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .with_state(state);
    request_log::layer(app, BODY_LIMIT_BYTES)
}
