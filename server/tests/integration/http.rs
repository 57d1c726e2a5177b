//! The HTTP surface end to end in-process: probes, request ids, security
//! headers, server-side rendering from real data, and the 404 page.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use server_fn::ServerFn;
use sqlx::PgPool;
use torvan_app::auth::SignIn;

use crate::support::TestApp;
use crate::support::demo::users;

#[sqlx::test(migrations = "../migrations")]
async fn probes_answer_and_every_response_has_a_request_id(pool: PgPool) {
    let app = TestApp::new(pool).await;

    let reply = app.get("/healthz", None).await;
    assert_eq!((reply.status, reply.body.as_str()), (StatusCode::OK, "ok"));
    assert!(reply.headers.contains_key("x-request-id"));
    assert_eq!(app.get("/readyz", None).await.status, StatusCode::OK);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_request_id_from_a_proxy_is_kept(pool: PgPool) {
    let app = TestApp::new(pool).await;
    let request = Request::get("/healthz").header("x-request-id", "lb-1234");
    let reply = app.send(request.body(Body::empty()).unwrap()).await;
    assert_eq!(reply.headers["x-request-id"], "lb-1234");
}

#[sqlx::test(migrations = "../migrations")]
async fn not_ready_when_the_database_is_gone(pool: PgPool) {
    let app = TestApp::new(pool.clone()).await;
    pool.close().await;

    let reply = app.get("/readyz", None).await;
    assert_eq!(
        (reply.status, reply.body.as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, "not ready")
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn the_dashboard_renders_the_figures_on_the_server(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    let pending: i64 =
        sqlx::query_scalar("SELECT count(*) FROM orders.orders WHERE status = 'PENDING'")
            .fetch_one(&pool)
            .await
            .unwrap();

    let reply = app.get("/", Some(&cookie)).await;
    assert_eq!(reply.status, StatusCode::OK);
    // The HTML as served is what this test is about: the figures are in the
    // page before any script runs.
    let html = reply.body;
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
async fn pages_carry_a_content_security_policy_naming_their_script_nonce(pool: PgPool) {
    let app = TestApp::new(pool).await;
    let reply = app.get("/login", None).await;

    let policy = reply.headers["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the policy");
    // The rendered page's own script tags carry the nonce.
    assert!(
        reply.body.contains(&format!("nonce=\"{nonce}\"")),
        "scripts carry the nonce"
    );
    for directive in [
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    ] {
        assert!(policy.contains(directive), "{directive}");
    }
    assert_eq!(reply.headers["x-content-type-options"], "nosniff");
    assert!(reply.headers.contains_key("referrer-policy"));
}

#[sqlx::test(migrations = "../migrations")]
async fn an_unknown_address_is_a_404_page(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::QC).await;

    let reply = app.get("/no-such-page", Some(&cookie)).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    // A page, not an error body: what the browser shows is rendered HTML.
    assert!(reply.body.contains("Page not found"));
}

#[sqlx::test(migrations = "../migrations")]
async fn signed_out_visitors_are_sent_to_the_sign_in_page(pool: PgPool) {
    let app = TestApp::new(pool).await;
    for path in ["/", "/orders", "/admin/users", "/no-such-page"] {
        let reply = app.get(path, None).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(reply.headers["location"], "/login", "{path}");
    }
    let reply = app.get("/manifest.webmanifest", None).await;
    assert_ne!(reply.status, StatusCode::SEE_OTHER, "files need no session");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_body_over_the_limit_is_refused(pool: PgPool) {
    let app = TestApp::new(pool).await;
    // Raw on purpose: the limit answers before any server function reads
    // the body, with a status and no `AppError`.
    let body = format!("email=a&password={}", "x".repeat(2 * 1024 * 1024));
    let request = Request::post(SignIn::PATH)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("content-length", body.len())
        .body(Body::from(body))
        .unwrap();
    assert_eq!(
        app.send(request).await.status,
        StatusCode::PAYLOAD_TOO_LARGE
    );
}
