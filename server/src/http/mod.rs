//! The HTTP surface: probes, static assets, the Leptos pages and server
//! functions, the boards' live stream, wrapped in request ids, logs, compression, the security
//! checks, the session, and a body limit with its arguments screened.

mod api_status;
mod arguments;
mod body;
mod documents;
mod downloads;
mod health;
mod qc_photos;
mod records;
mod request_log;
mod security;
mod service_worker;
mod session;
mod static_files;
mod unavailable;
mod uploads;

use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRef};
use axum::http::request::Parts;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, post, put};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list_with_exclusions};
use server_fn::ServerFn;
use sqlx::PgPool;
use torvan_app::auth::sessions::AuthSettings;
use torvan_app::bom_templates::{PreviewTemplate, SaveTemplate};
use torvan_app::inventory::transfer;
use torvan_app::objects::Objects;
use torvan_app::{App, shell};
use tower_http::limit::RequestBodyLimitLayer;

use crate::live::{self, Hub};
use crate::storage::Storage;

/// What every handler can reach. Cheap to clone: all handles are shared.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: PgPool,
    pub storage: Storage,
    pub auth: AuthSettings,
    /// The live channel's listener, shared by this server's open boards.
    pub live: Hub,
    pub max_body_bytes: usize,
    #[from_ref(skip)]
    pub max_import_bytes: usize,
}

/// The body limit of the two server functions that carry a whole BOM
/// template (saving and previewing it): room for `torvan::bom::MAX_LINES`
/// lines of some 800 bytes of JSON each, where the general limit holds
/// fewer than a thousand. The template check refuses more lines, linearly.
pub const TEMPLATE_BODY_BYTES: usize = torvan::bom::MAX_LINES * 800;

/// The server functions whose arguments are a whole template.
const TEMPLATE_PATHS: [&str; 2] = [SaveTemplate::PATH, PreviewTemplate::PATH];

pub fn router(state: AppState) -> Router {
    let max_body_bytes = state.max_body_bytes;
    // The template functions are left out of the general routes: they are
    // routed below with their own limit.
    let excluded = TEMPLATE_PATHS.map(String::from).to_vec();
    let routes = generate_route_list_with_exclusions(App, Some(excluded));
    let context = {
        let (pool, auth) = (state.pool.clone(), state.auth);
        let objects = Objects(Arc::new(state.storage.clone()));
        move || {
            provide_context(pool.clone());
            provide_context(auth);
            provide_context(objects.clone());
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

    // The parts file and the two template functions get their own, larger
    // limits; every other route (every server function) the small general one.
    let max_import_bytes = state.max_import_bytes;
    let uploads = Router::new()
        .route(transfer::IMPORT_PATH, post(uploads::import_parts))
        .layer(DefaultBodyLimit::max(max_import_bytes))
        .layer(from_fn_with_state(max_import_bytes, arguments::screen))
        .layer(RequestBodyLimitLayer::new(max_import_bytes));
    let templates = TEMPLATE_PATHS
        .into_iter()
        .fold(Router::new(), |router, path| {
            let context = context.clone();
            let state = state.clone();
            router.route(
                path,
                post(move |request| {
                    // What `leptos_routes_with_context` gives the others.
                    leptos_axum::handle_server_fns_with_context(
                        move || {
                            provide_context(state.clone());
                            context();
                        },
                        request,
                    )
                }),
            )
        })
        .layer(from_fn_with_state(TEMPLATE_BODY_BYTES, arguments::screen))
        .layer(RequestBodyLimitLayer::new(TEMPLATE_BODY_BYTES));
    // QC photos and documents carry raw file bytes: no argument screen (a
    // file holds NUL bytes) and no body limit layer, whose bare 413 would
    // not say why; an upload reads at most one byte past its limit and
    // refuses more in words (`body::read_body`).
    let files = Router::new()
        .route(
            torvan_app::routes::QC_PHOTO,
            put(qc_photos::upload).get(qc_photos::photo),
        )
        .route(
            torvan_app::routes::QC_PHOTO_THUMBNAIL,
            get(qc_photos::thumbnail),
        )
        .route(torvan_app::documents::UPLOAD_PATH, post(documents::upload))
        .route(torvan_app::routes::DOCUMENT, get(documents::download));
    let worker = service_worker::Script::for_client(&static_files::pkg_dir(&state.leptos_options));
    let app = Router::new()
        .route("/sw.js", get(move || async move { worker.response() }))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/inventory/parts.csv", get(downloads::parts))
        .route("/inventory/reorder.csv", get(downloads::reorder_report))
        .route(torvan_app::routes::AUDIT_CSV, get(downloads::audit_trail))
        .route(
            torvan_app::routes::BUILD_RECORD_PDF,
            get(records::build_record_pdf),
        )
        .route(
            torvan_app::routes::BUILD_RECORD_REVISION_PDF,
            get(records::revision_pdf),
        )
        .route(torvan_app::live::TASKS_PATH, get(live::tasks))
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
        .merge(templates)
        .merge(files)
        .layer(from_fn(api_status::map))
        .layer(from_fn_with_state(state.clone(), session::resolve))
        .layer(from_fn_with_state(state.clone(), security::headers))
        .with_state(state);
    request_log::layer(app)
}
