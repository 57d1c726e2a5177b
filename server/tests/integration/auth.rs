//! Sign-in, sessions and lockout against a real database, through HTTP.

use axum::http::StatusCode;
use server_fn::ServerFn;
use sha2::{Digest, Sha256};
use sqlx::PgPool;
use torvan::{Role, UserStatus};
use torvan_app::admin::{ChangeRole, SetUserStatus};
use torvan_app::auth::{ChangePassword, SignIn, SignOut, WhoAmI};
use torvan_app::error::AppError;
use torvan_server::seed::seed_demo;

use crate::support::demo::{self, users};
use crate::support::{Answer, TestApp, arranging};

async fn app(pool: &PgPool) -> TestApp {
    seed_demo(pool).await.unwrap();
    TestApp::new(pool.clone()).await
}

/// Whose session `cookie` is, as the header reads it; `None` once it ended.
async fn signed_in_as(app: &TestApp, cookie: &str) -> Option<String> {
    let me = app.run(cookie, WhoAmI {}).await.unwrap();
    me.map(|user| user.email)
}

fn change_password(current: &str, new: &str) -> ChangePassword {
    ChangePassword {
        current_password: current.to_owned(),
        new_password: new.to_owned(),
        confirm_password: new.to_owned(),
    }
}

/// A QC session with its clock moved back by `set` (an SQL assignment).
async fn qc_session_aged(app: &TestApp, pool: &PgPool, set: &str) -> String {
    let cookie = app.sign_in(users::QC, demo::PASSWORD).await.unwrap();
    sqlx::query(&format!("UPDATE auth.user_sessions SET {set}"))
        .execute(pool)
        .await
        .unwrap();
    cookie
}

#[sqlx::test(migrations = "../migrations")]
async fn sign_in_sets_an_http_only_cookie_whose_token_is_stored_hashed(pool: PgPool) {
    let app = app(&pool).await;
    let form = SignIn {
        email: users::ASSEMBLER.to_owned(),
        password: demo::PASSWORD.to_owned(),
    };
    let answer = app.exchange(None, form).await;
    assert_eq!(answer.status, StatusCode::OK);
    let set_cookie = answer.set_cookie.as_deref().unwrap();
    assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"));
    let cookie = answer.cookie().unwrap();
    let token = cookie.split_once('=').unwrap().1;
    assert!(token.len() >= 32, "at least 128 bits");

    let stored: Vec<String> = sqlx::query_scalar("SELECT session_token FROM auth.user_sessions")
        .fetch_all(&pool)
        .await
        .unwrap();
    let hashed = torvan::text::hex(&Sha256::digest(token.as_bytes()));
    assert_eq!(stored, [hashed]);
    assert_eq!(
        signed_in_as(&app, &format!("torvan_session={token}")).await,
        Some(users::ASSEMBLER.to_owned())
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_wrong_password_sets_no_session_and_is_recorded(pool: PgPool) {
    let app = app(&pool).await;
    let refused = app
        .sign_in(users::QC, "not-the-password")
        .await
        .unwrap_err();
    assert_eq!(
        refused,
        Answer {
            status: StatusCode::UNAUTHORIZED,
            set_cookie: None,
            result: Err(AppError::SignInFailed),
        }
    );

    let (success, reason): (bool, String) =
        sqlx::query_as("SELECT success, failure_reason FROM audit.login_attempts WHERE email = $1")
            .bind(users::QC)
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
    assert_eq!(unknown, wrong);
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
    assert_eq!(locked, wrong, "the lock is not revealed");

    let minutes: f64 = sqlx::query_scalar(
        "SELECT (extract(epoch FROM locked_until - now()) / 60)::float8 FROM auth.users WHERE email = $1",
    )
    .bind(users::SERVICE)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(
        (14.0..=15.0).contains(&minutes),
        "locked for 15 minutes, not {minutes}"
    );

    sqlx::query(
        "UPDATE auth.users SET locked_until = now() - interval '1 second' WHERE email = $1",
    )
    .bind(users::SERVICE)
    .execute(&mut arranging(&pool).await)
    .await
    .unwrap();
    assert!(app.sign_in(users::SERVICE, demo::PASSWORD).await.is_ok());
}

#[sqlx::test(migrations = "../migrations")]
async fn a_suspended_users_session_stops_working_at_once(pool: PgPool) {
    let app = app(&pool).await;
    let assembler = app.sign_in(users::ASSEMBLER, demo::PASSWORD).await.unwrap();
    let admin = app.sign_in(users::ADMIN, demo::PASSWORD).await.unwrap();
    assert_eq!(
        signed_in_as(&app, &assembler).await,
        Some(users::ASSEMBLER.to_owned())
    );

    let suspend = SetUserStatus {
        user_id: users::ASSEMBLER_ID,
        status: UserStatus::Suspended,
    };
    app.run(&admin, suspend).await.unwrap();

    assert_eq!(signed_in_as(&app, &assembler).await, None);
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

    let changed = app
        .exchange(
            Some(&desk),
            change_password(demo::PASSWORD, "brushed-steel-basin-7"),
        )
        .await;
    assert_eq!(changed.result, Ok(()));
    let fresh = changed.cookie().unwrap();

    assert_eq!(signed_in_as(&app, &tablet).await, None);
    assert_eq!(signed_in_as(&app, &desk).await, None);
    assert_eq!(signed_in_as(&app, &fresh).await, Some(users::QC.to_owned()));
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
    let refused = app
        .exchange(
            Some(&cookie),
            change_password(demo::PASSWORD, "password1234"),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = refused.result.unwrap_err();
    assert!(
        error
            .for_field("new_password")
            .is_some_and(|message| message.contains("too common")),
        "{error:?}"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn audit_rows_carry_the_admin_who_made_the_change(pool: PgPool) {
    let app = app(&pool).await;
    let admin = app.sign_in(users::ADMIN, demo::PASSWORD).await.unwrap();
    let to_procurement = ChangeRole {
        user_id: users::SERVICE_ID,
        role: Role::Procurement,
    };
    app.run(&admin, to_procurement).await.unwrap();

    let (user_id, fields): (Option<uuid::Uuid>, Vec<String>) = sqlx::query_as(
        "SELECT user_id, changed_fields FROM audit.audit_log
         WHERE resource_type = 'users' AND resource_id = $1::text
         ORDER BY created_at DESC LIMIT 1",
    )
    .bind(users::SERVICE_ID)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(user_id, Some(users::ADMIN_ID));
    assert_eq!(fields, ["role"]);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_cross_site_post_is_refused(pool: PgPool) {
    let app = app(&pool).await;
    let cookie = app.sign_in(users::ADMIN, demo::PASSWORD).await.unwrap();
    // Raw on purpose: the typed client always posts from the app's origin.
    let request = axum::http::Request::post(SignOut::PATH)
        .header("cookie", &cookie)
        .header("origin", "https://evil.example")
        .header("host", "torvan.local")
        .body(axum::body::Body::empty())
        .unwrap();
    assert_eq!(app.send(request).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        signed_in_as(&app, &cookie).await,
        Some(users::ADMIN.to_owned()),
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
    let signed_out = app.exchange(Some(&cookie), SignOut {}).await;
    assert_eq!(signed_out.result, Ok(()));
    assert!(signed_out.set_cookie.unwrap().contains("Max-Age=0"));
    assert_eq!(signed_in_as(&app, &cookie).await, None);
}

#[sqlx::test(migrations = "../migrations")]
async fn an_idle_session_ends_after_thirty_minutes(pool: PgPool) {
    let app = app(&pool).await;
    let cookie = qc_session_aged(&app, &pool, "last_seen_at = now() - interval '31 minutes'").await;

    assert_eq!(signed_in_as(&app, &cookie).await, None);
    let reason: String = sqlx::query_scalar("SELECT end_reason FROM auth.user_sessions")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(reason, "IDLE");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_session_ends_twelve_hours_after_sign_in_however_busy(pool: PgPool) {
    let app = app(&pool).await;
    let cookie = qc_session_aged(
        &app,
        &pool,
        "created_at = now() - interval '12 hours 1 minute'",
    )
    .await;
    assert_eq!(signed_in_as(&app, &cookie).await, None);
}
