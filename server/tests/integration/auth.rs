//! Sign-in, sessions and lockout against a real database, through HTTP.

use crate::support;

use crate::support::demo::users;
use axum::http::StatusCode;
use sha2::{Digest, Sha256};
use sqlx::PgPool;
use support::{TestApp, demo};
use torvan_server::seed::seed_demo;

async fn app(pool: &PgPool) -> TestApp {
    seed_demo(pool).await.unwrap();
    TestApp::new(pool.clone()).await
}

async fn me(app: &TestApp, cookie: &str) -> String {
    app.call("/api/auth/me", "", Some(cookie)).await.body
}

#[sqlx::test(migrations = "../migrations")]
async fn sign_in_sets_an_http_only_cookie_whose_token_is_stored_hashed(pool: PgPool) {
    let app = app(&pool).await;
    let reply = app
        .call(
            "/api/auth/sign-in",
            &format!("email=assembler%40torvan.test&password={}", demo::PASSWORD),
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let set_cookie = reply.headers["set-cookie"].to_str().unwrap();
    assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"));
    let token = set_cookie
        .split(';')
        .next()
        .unwrap()
        .split_once('=')
        .unwrap()
        .1;
    assert!(token.len() >= 32, "at least 128 bits");

    let stored: Vec<String> = sqlx::query_scalar("SELECT session_token FROM auth.user_sessions")
        .fetch_all(&pool)
        .await
        .unwrap();
    let hashed: String = Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(stored, [hashed]);
    assert!(
        me(&app, &format!("torvan_session={token}"))
            .await
            .contains(users::ASSEMBLER)
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_wrong_password_sets_no_session_and_is_recorded(pool: PgPool) {
    let app = app(&pool).await;
    let reply = app
        .sign_in(users::QC, "not-the-password")
        .await
        .unwrap_err();
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert!(!reply.headers.contains_key("set-cookie"));
    assert!(reply.body.contains("SignInFailed"));

    let (success, reason): (bool, String) = sqlx::query_as(
        "SELECT success, failure_reason FROM audit.login_attempts WHERE email = 'qc@torvan.test'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((success, reason.as_str()), (false, "BAD_PASSWORD"));
}

#[sqlx::test(migrations = "../migrations")]
async fn unknown_email_and_wrong_password_get_the_same_answer(pool: PgPool) {
    let app = app(&pool).await;
    let unknown = app
        .sign_in("nobody@torvan.test", demo::PASSWORD)
        .await
        .unwrap_err();
    let wrong = app
        .sign_in(users::QC, "wrong-password-1")
        .await
        .unwrap_err();
    assert_eq!((unknown.status, unknown.body), (wrong.status, wrong.body));
}

#[sqlx::test(migrations = "../migrations")]
async fn five_failures_lock_the_account_until_the_period_passes(pool: PgPool) {
    let app = app(&pool).await;
    for _ in 0..5 {
        app.sign_in(users::SERVICE, "wrong-password-1")
            .await
            .unwrap_err();
    }
    let locked = app
        .sign_in(users::SERVICE, demo::PASSWORD)
        .await
        .unwrap_err();
    let wrong = app
        .sign_in(users::QC, "wrong-password-1")
        .await
        .unwrap_err();
    assert_eq!(locked.body, wrong.body, "the lock is not revealed");

    let minutes: f64 = sqlx::query_scalar(
        "SELECT (extract(epoch FROM locked_until - now()) / 60)::float8 FROM auth.users WHERE email = 'service@torvan.test'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(
        (14.0..=15.0).contains(&minutes),
        "locked for 15 minutes, not {minutes}"
    );

    sqlx::query("UPDATE auth.users SET locked_until = now() - interval '1 second' WHERE email = 'service@torvan.test'")
        .execute(&pool)
        .await
        .unwrap();
    assert!(app.sign_in(users::SERVICE, demo::PASSWORD).await.is_ok());
}

#[sqlx::test(migrations = "../migrations")]
async fn a_suspended_users_session_stops_working_at_once(pool: PgPool) {
    let app = app(&pool).await;
    let assembler = app.sign_in(users::ASSEMBLER, demo::PASSWORD).await.unwrap();
    let admin = app.sign_in(users::ADMIN, demo::PASSWORD).await.unwrap();
    assert!(me(&app, &assembler).await.contains(users::ASSEMBLER));

    let form = "user_id=00000000-0000-4000-a000-000000000005&status=SUSPENDED";
    let reply = app
        .call("/api/admin/users/status", form, Some(&admin))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);

    assert_eq!(me(&app, &assembler).await, "null");
    assert_eq!(
        app.get("/", Some(&assembler)).await.status,
        StatusCode::SEE_OTHER
    );
    assert!(app.sign_in(users::ASSEMBLER, demo::PASSWORD).await.is_err());
}

#[sqlx::test(migrations = "../migrations")]
async fn changing_the_password_ends_every_other_session(pool: PgPool) {
    let app = app(&pool).await;
    let tablet = app.sign_in(users::QC, demo::PASSWORD).await.unwrap();
    let desk = app.sign_in(users::QC, demo::PASSWORD).await.unwrap();

    let form = format!(
        "current_password={}&new_password=brushed-steel-basin-7&confirm_password=brushed-steel-basin-7",
        demo::PASSWORD
    );
    let reply = app
        .call("/api/auth/change-password", &form, Some(&desk))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let fresh = reply.headers["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();

    assert_eq!(me(&app, &tablet).await, "null");
    assert_eq!(me(&app, &desk).await, "null");
    assert!(me(&app, &fresh).await.contains(users::QC));
    assert!(
        app.sign_in(users::QC, "brushed-steel-basin-7")
            .await
            .is_ok()
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_weak_new_password_is_refused_at_its_field(pool: PgPool) {
    let app = app(&pool).await;
    let cookie = app.sign_in(users::QC, demo::PASSWORD).await.unwrap();
    let form = format!(
        "current_password={}&new_password=password1234&confirm_password=password1234",
        demo::PASSWORD
    );
    let reply = app
        .call("/api/auth/change-password", &form, Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains("new_password") && reply.body.contains("too common"),
        "{}",
        reply.body
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn audit_rows_carry_the_admin_who_made_the_change(pool: PgPool) {
    let app = app(&pool).await;
    let admin = app.sign_in(users::ADMIN, demo::PASSWORD).await.unwrap();
    let form = "user_id=00000000-0000-4000-a000-000000000006&role=PROCUREMENT";
    assert_eq!(
        app.call("/api/admin/users/role", form, Some(&admin))
            .await
            .status,
        StatusCode::OK
    );

    let (user_id, fields): (Option<String>, Vec<String>) = sqlx::query_as(
        "SELECT user_id::text, changed_fields FROM audit.audit_log
         WHERE resource_type = 'users' AND resource_id = '00000000-0000-4000-a000-000000000006'
         ORDER BY created_at DESC LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        user_id.as_deref(),
        Some("00000000-0000-4000-a000-000000000001")
    );
    assert_eq!(fields, ["role"]);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_cross_site_post_is_refused(pool: PgPool) {
    let app = app(&pool).await;
    let cookie = app.sign_in(users::ADMIN, demo::PASSWORD).await.unwrap();
    let request = axum::http::Request::post("/api/auth/sign-out")
        .header("cookie", &cookie)
        .header("origin", "https://evil.example")
        .header("host", "torvan.local")
        .body(axum::body::Body::empty())
        .unwrap();
    assert_eq!(app.send(request).await.status, StatusCode::FORBIDDEN);
    assert!(
        me(&app, &cookie).await.contains(users::ADMIN),
        "still signed in"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn sign_out_ends_the_session(pool: PgPool) {
    let app = app(&pool).await;
    let cookie = app
        .sign_in(users::PROCUREMENT, demo::PASSWORD)
        .await
        .unwrap();
    let reply = app.call("/api/auth/sign-out", "", Some(&cookie)).await;
    assert!(
        reply.headers["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    assert_eq!(me(&app, &cookie).await, "null");
}

#[sqlx::test(migrations = "../migrations")]
async fn an_idle_session_ends_after_thirty_minutes(pool: PgPool) {
    let app = app(&pool).await;
    let cookie = app.sign_in(users::QC, demo::PASSWORD).await.unwrap();
    sqlx::query("UPDATE auth.user_sessions SET last_seen_at = now() - interval '31 minutes'")
        .execute(&pool)
        .await
        .unwrap();

    assert_eq!(me(&app, &cookie).await, "null");
    let reason: String = sqlx::query_scalar("SELECT end_reason FROM auth.user_sessions")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(reason, "IDLE");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_session_ends_twelve_hours_after_sign_in_however_busy(pool: PgPool) {
    let app = app(&pool).await;
    let cookie = app.sign_in(users::QC, demo::PASSWORD).await.unwrap();
    sqlx::query("UPDATE auth.user_sessions SET created_at = now() - interval '12 hours 1 minute'")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(me(&app, &cookie).await, "null");
}
