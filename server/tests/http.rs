//! The HTTP surface end to end in-process: probes, request ids, server-side
//! rendering of the dashboard from real data, and the 404 page.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use sqlx::PgPool;
use torvan_server::config::StorageConfig;
use torvan_server::http::{AppState, router};
use torvan_server::seed::seed_demo;
use torvan_server::storage::Storage;
use tower::ServiceExt;

async fn app(pool: PgPool, dir: &std::path::Path) -> Router {
    let storage = Storage::start(&StorageConfig::Embedded {
        data_dir: dir.join("s3"),
        bucket: "torvan-test".into(),
    })
    .await
    .unwrap();
    let leptos_options = LeptosOptions::builder()
        .output_name("torvan")
        .site_root(dir.display().to_string())
        .build();
    router(AppState {
        leptos_options,
        pool,
        storage,
    })
}

async fn get(app: &Router, path: &str) -> (StatusCode, axum::http::HeaderMap, String) {
    let response = app
        .clone()
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    (
        parts.status,
        parts.headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

#[sqlx::test(migrations = "../migrations")]
async fn probes_answer_and_every_response_has_a_request_id(pool: PgPool) {
    let dir = tempfile::tempdir().unwrap();
    let app = app(pool, dir.path()).await;

    let (status, headers, body) = get(&app, "/healthz").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));
    assert!(headers.contains_key("x-request-id"));

    let (status, _, _) = get(&app, "/readyz").await;
    assert_eq!(status, StatusCode::OK);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_request_id_from_a_proxy_is_kept(pool: PgPool) {
    let dir = tempfile::tempdir().unwrap();
    let app = app(pool, dir.path()).await;
    let response = app
        .oneshot(
            Request::get("/healthz")
                .header("x-request-id", "lb-1234")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.headers()["x-request-id"], "lb-1234");
}

#[sqlx::test(migrations = "../migrations")]
async fn not_ready_when_the_database_is_gone(pool: PgPool) {
    let dir = tempfile::tempdir().unwrap();
    let app = app(pool.clone(), dir.path()).await;
    pool.close().await;

    let (status, _, body) = get(&app, "/readyz").await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, "not ready")
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn the_dashboard_renders_the_figures_on_the_server(pool: PgPool) {
    seed_demo(&pool).await.unwrap();
    let pending: i64 =
        sqlx::query_scalar("SELECT count(*) FROM orders.orders WHERE status = 'PENDING'")
            .fetch_one(&pool)
            .await
            .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let app = app(pool, dir.path()).await;

    let (status, _, html) = get(&app, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<h2 id=\"orders-by-status\">Orders by status</h2>"));
    let row_start = html.find("data-status=\"PENDING\"").expect("a PENDING row");
    let row = &html[row_start..row_start + html[row_start..].find("</tr>").unwrap()];
    assert!(
        row.contains(&format!(">{pending}<")),
        "PENDING row shows {pending}: {row}"
    );
    assert!(html.contains("parts at or below their reorder point"));
    assert!(html.contains("rel=\"manifest\""));
}

#[sqlx::test(migrations = "../migrations")]
async fn an_unknown_address_is_a_404_page(pool: PgPool) {
    let dir = tempfile::tempdir().unwrap();
    let app = app(pool, dir.path()).await;

    let (status, _, html) = get(&app, "/no-such-page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Page not found"));
}
