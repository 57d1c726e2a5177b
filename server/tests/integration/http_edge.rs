//! What the HTTP edge refuses before a server function runs: no session,
//! too large a body, another site, an unreadable or NUL-bearing argument;
//! and the cookie and cache headers it sets.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::body::{Body, Bytes};
use axum::http::{Request, StatusCode};
use http_body_util::{BodyExt, Full};
use sqlx::PgPool;
use torvan_app::auth::{SignIn, WhoAmI};
use torvan_app::dashboard::LoadDashboard;
use torvan_app::error::AppError;
use torvan_app::inventory::transfer::IMPORT_PATH;
use torvan_server::http::TEMPLATE_BODY_BYTES;
use torvan_server::seed::seed_demo;

use crate::support::demo::{self, users};
use crate::support::{Encoded, Reply, TestApp, auth_settings};

/// Posts a hand-made body, as JSON when it is an object and as a form
/// otherwise: these tests are about what no page of the app sends.
async fn post_made(app: &TestApp, path: &str, body: &str, cookie: Option<&str>) -> Reply {
    let content_type = if body.starts_with('{') {
        "application/json"
    } else {
        "application/x-www-form-urlencoded"
    };
    app.post_raw(path, content_type, body.to_owned(), cookie)
        .await
}

/// A body that notes whether anything read it.
fn watched_body(text: String, read: Arc<AtomicBool>) -> Body {
    Body::new(Full::new(Bytes::from(text)).map_frame(move |frame| {
        read.store(true, Ordering::SeqCst);
        frame
    }))
}

/// A template preview of `count` empty lines, the shape of the attack in #13.
fn empty_lines(count: usize) -> String {
    format!(r#"{{"lines":[{}]}}"#, vec!["{}"; count].join(","))
}

#[sqlx::test(migrations = "../migrations")]
async fn a_call_without_a_valid_session_is_refused_before_its_body_is_read(pool: PgPool) {
    let app = TestApp::new(pool).await;
    for cookie in [None, Some("torvan_session=0123456789abcdef")] {
        let read = Arc::new(AtomicBool::new(false));
        let mut request = Request::post("/api/bom-templates/preview")
            .header("content-type", "application/json")
            .header("sec-fetch-site", "same-origin");
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        let body = watched_body(empty_lines(10_000), read.clone());
        let reply = app.send(request.body(body).unwrap()).await;

        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{cookie:?}");
        let error: AppError = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(error, AppError::Unauthorized);
        assert!(
            !read.load(Ordering::SeqCst),
            "the body was read ({cookie:?})"
        );
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn signing_in_needs_no_session(pool: PgPool) {
    let app = TestApp::new(pool).await;
    let stranger = SignIn {
        email: "nobody@torvan.test".into(),
        password: "not-the-password".into(),
    };
    let answer = app.exchange(None, stranger).await;
    assert_eq!(answer.result, Err(AppError::SignInFailed));
    assert_eq!(app.exchange(None, WhoAmI {}).await.result, Ok(None));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_body_over_its_route_s_limit_is_refused_and_a_template_or_parts_file_under_it_is_read(
    pool: PgPool,
) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let body = empty_lines(100_000);
    assert!(body.len() > 256 * 1024);

    let check = "/api/inventory/import/check";
    let reply = post_made(&app, check, &body, Some(&cookie)).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    // A template's lines have a limit of their own: these are read, and
    // refused only because an empty line is no line.
    let preview = "/api/bom-templates/preview";
    let reply = post_made(&app, preview, &body, Some(&cookie)).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    let over = empty_lines(TEMPLATE_BODY_BYTES / 3 + 1);
    assert!(over.len() > TEMPLATE_BODY_BYTES);
    let reply = post_made(&app, preview, &over, Some(&cookie)).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);

    let file = format!("part_number,name\nBIG-0001,{}\n", "n".repeat(300 * 1024));
    let reply = app
        .post_raw(IMPORT_PATH, "text/csv", file, Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
}

#[sqlx::test(migrations = "../migrations")]
async fn checking_more_rows_of_a_parts_file_than_a_slice_is_refused(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let rows: Vec<_> = (0..=torvan_app::inventory::transfer::CHECK_ROWS)
        .map(|line| format!(r#"{{"line":{line},"fields":[]}}"#))
        .collect();
    let body = format!(
        r#"{{"header":["part_number"],"rows":[{}]}}"#,
        rows.join(",")
    );

    let reply = post_made(&app, "/api/inventory/import/check", &body, Some(&cookie)).await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    let error: AppError = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(error.fields(), ["rows"]);
}

/// The reply is a 400 whose message is short and repeats nothing sent.
fn assert_refused_without_echo(reply: &Reply, sent: &str) {
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    assert!(reply.body.len() < 300, "a short answer: {}", reply.body);
    assert!(!reply.body.contains(sent), "echoed: {}", reply.body);
    let error: AppError = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(error, AppError::BadRequest);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_nul_character_in_any_argument_is_a_short_400(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let pending = format!(
        "order_number={}&build_number={}",
        demo::orders::PENDING,
        demo::orders::PENDING_BUILD
    );
    for (path, body) in [
        ("/api/inventory/reorder", "vendor=%00".to_owned()),
        ("/api/orders/sinks/get", format!("{pending}%00")),
        ("/api/orders/sinks/approve", format!("{pending}%00")),
        ("/api/boms/generate", format!("{pending}&reason=%00")),
        (
            "/api/orders/sinks/save",
            r#"{"order_number":"ORD\u0000","build_number":"TB","version":1,"choices":{}}"#
                .to_owned(),
        ),
    ] {
        let reply = post_made(&app, path, &body, Some(&cookie)).await;
        assert_refused_without_echo(&reply, "\0");
        assert!(
            !reply.body.contains("%00") && !reply.body.contains("u0000"),
            "{path}"
        );
    }
    let reply = app
        .get("/inventory/reorder.csv?vendor=%00", Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_json_text_that_only_mentions_an_escape_is_not_a_nul(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let body = r#"{"order_number":"ORD\\u0000","build_number":"TB","version":1,"choices":{}}"#;
    let reply = post_made(&app, "/api/orders/sinks/save", body, Some(&cookie)).await;
    assert_ne!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
}

#[sqlx::test(migrations = "../migrations")]
async fn an_unreadable_argument_is_a_short_400_that_does_not_echo_it(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let long = "x".repeat(70_000);
    for (path, body) in [
        (
            "/api/admin/users/create",
            format!("email=a%40b.test&first_name=A&last_name=B&password=p&role={long}"),
        ),
        ("/api/orders/list", format!("filter[status]={long}")),
        (
            "/api/customers/active",
            format!("customer_number=C-10004&active={long}"),
        ),
        ("/api/orders/list", "filter[page]=many".to_owned()),
        (
            "/api/bom-templates/preview",
            format!(r#"{{"lines":"{long}"}}"#),
        ),
    ] {
        let reply = post_made(&app, path, &body, Some(&cookie)).await;
        assert_refused_without_echo(&reply, &long[..64]);
    }
}

/// A write as a browser or a script sends it: the session cookie, the
/// content type, and whatever else the case names.
async fn write_with(app: &TestApp, cookie: &str, headers: &[(&str, &str)], name: &str) -> Reply {
    let mut request = Request::post("/api/customers/save")
        .header("cookie", cookie)
        .header("host", "torvan.local:3000");
    let mut typed = false;
    for (name, value) in headers {
        typed |= name.eq_ignore_ascii_case("content-type");
        request = request.header(*name, *value);
    }
    if !typed {
        request = request.header("content-type", "application/x-www-form-urlencoded");
    }
    let body = Body::from(format!("company[company_name]={}", name.replace(' ', "+")));
    app.send(request.body(body).unwrap()).await
}

#[sqlx::test(migrations = "../migrations")]
async fn a_write_with_the_session_cookie_must_prove_it_comes_from_the_app(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    for headers in [
        &[][..],
        &[("sec-fetch-site", "none"), ("origin", "https://evil.test")][..],
        &[("sec-fetch-site", "same-site")][..],
        &[("origin", "https://torvan.local:3000")][..],
        &[("origin", "http://torvan.local:3001")][..],
        &[("origin", "null")][..],
    ] {
        let reply = write_with(&app, &cookie, headers, "Forged Clinic").await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{headers:?}");
    }
    let forged: i64 =
        sqlx::query_scalar("SELECT count(*) FROM customers WHERE company_name = 'Forged Clinic'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(forged, 0);

    for (headers, name) in [
        (&[("sec-fetch-site", "same-origin")][..], "Fetched Clinic"),
        (
            &[("origin", "http://torvan.local:3000")][..],
            "Posted Clinic",
        ),
    ] {
        let reply = write_with(&app, &cookie, headers, name).await;
        assert!(reply.status.is_success(), "{headers:?}: {}", reply.body);
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_write_in_a_content_type_no_endpoint_uses_is_415(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    for content_type in [
        "text/plain",
        "multipart/form-data; boundary=x",
        "application/xml",
    ] {
        let headers = [
            ("sec-fetch-site", "same-origin"),
            ("content-type", content_type),
        ];
        let reply = write_with(&app, &cookie, &headers, "Typed Clinic").await;
        assert_eq!(
            reply.status,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "{content_type}"
        );
    }
    let json = [
        ("sec-fetch-site", "same-origin"),
        ("content-type", "application/json; charset=utf-8"),
    ];
    let reply = write_with(&app, &cookie, &json, "Json Clinic").await;
    assert_ne!(reply.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[sqlx::test(migrations = "../migrations")]
async fn behind_tls_the_cookie_is_secure_host_only_and_hsts_is_sent(pool: PgPool) {
    seed_demo(&pool).await.unwrap();
    let mut settings = auth_settings();
    settings.secure_cookies = true;
    let app = TestApp::with_auth(pool, settings).await;
    let sign_in = SignIn {
        email: users::QC.into(),
        password: demo::PASSWORD.into(),
    };
    let reply = app.send_encoded(&Encoded::of(sign_in), None).await;

    let set_cookie = reply.headers["set-cookie"].to_str().unwrap();
    assert!(
        set_cookie.starts_with("__Host-torvan_session="),
        "{set_cookie}"
    );
    assert!(set_cookie.contains("; Secure"), "{set_cookie}");
    assert!(reply.headers.contains_key("strict-transport-security"));

    let cookie = set_cookie.split(';').next().unwrap();
    assert_eq!(
        app.get("/orders", Some(cookie)).await.status,
        StatusCode::OK
    );
    let plain = cookie.replace("__Host-torvan_session", "torvan_session");
    assert_eq!(
        app.get("/orders", Some(&plain)).await.status,
        StatusCode::SEE_OTHER,
        "the plain name is not read over TLS"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn pages_answers_and_downloads_are_not_stored_by_caches(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let replies = [
        app.get("/orders", Some(&cookie)).await,
        app.get("/login", None).await,
        app.send_encoded(&Encoded::of(LoadDashboard {}), Some(&cookie))
            .await,
        app.send_encoded(&Encoded::of(WhoAmI {}), None).await,
        app.get("/inventory/parts.csv", Some(&cookie)).await,
    ];
    for reply in replies {
        assert!(reply.status.is_success(), "{}", reply.status);
        assert_eq!(reply.headers["cache-control"], "no-store");
    }
}
