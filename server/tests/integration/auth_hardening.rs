//! What an attacker tries against sign-in and passwords (issue #13): a
//! burst of guesses at one account, guesses from one address at one or
//! many accounts, guesses at the current password of a session they hold,
//! a password an administrator chose, and a template built to make the
//! checks work hard.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use futures::future::join_all;
use serde_json::json;
use server_fn::ServerFn;
use sqlx::PgPool;
use torvan_app::admin::{CreateUser, ListUsers, ResetPassword};
use torvan_app::auth::{ChangePassword, SignIn};
use torvan_app::bom_templates::PreviewTemplate;
use torvan_app::dashboard::LoadDashboard;
use torvan_app::error::AppError;
use uuid::Uuid;

use crate::support::demo::{self, users};
use crate::support::{Answer, Reply, TestApp, USER_AGENT, arranging, refusal};

const WRONG: &str = "not-the-password";
/// A password the policy accepts, for the accounts the tests create.
const CHOSEN: &str = "brushed-steel-basin-7";

async fn app(pool: &PgPool) -> TestApp {
    torvan_server::seed::seed_demo(pool).await.unwrap();
    TestApp::new(pool.clone()).await
}

/// A sign-in sent over a connection from `address`, as the server sees it.
async fn sign_in_from(app: &TestApp, address: &str, email: &str, password: &str) -> Reply {
    let mut request = Request::post("/api/auth/sign-in")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("user-agent", USER_AGENT)
        .header("sec-fetch-site", "same-origin")
        .body(Body::from(
            serde_qs::to_string(&SignIn {
                email: email.to_owned(),
                password: password.to_owned(),
            })
            .unwrap(),
        ))
        .unwrap();
    let peer: SocketAddr = format!("{address}:50000").parse().unwrap();
    request.extensions_mut().insert(ConnectInfo(peer));
    app.send(request).await
}

fn error_of(reply: &Reply) -> AppError {
    refusal(reply).unwrap_or_else(|| panic!("not refused: {reply:?}"))
}

async fn checked_wrong_passwords(pool: &PgPool, email: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT count(*) FROM audit.login_attempts
         WHERE email = $1 AND failure_reason = 'BAD_PASSWORD'",
    )
    .bind(email)
    .fetch_one(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn of_thirty_concurrent_wrong_passwords_five_are_checked_and_a_right_one_in_the_burst_is_refused(
    pool: PgPool,
) {
    let app = app(&pool).await;
    let wrong = join_all((0..30).map(|_| app.sign_in(users::SERVICE, WRONG)));
    // The right password arrives while the wrong ones are still being
    // checked: the fifth of them has locked the account already.
    let right = async {
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        app.sign_in(users::SERVICE, demo::PASSWORD).await
    };
    let (wrong, right) = tokio::join!(wrong, right);

    assert!(wrong.iter().all(Result::is_err));
    assert!(right.is_err(), "refused once locked");
    assert_eq!(checked_wrong_passwords(&pool, users::SERVICE).await, 5);
    let (failures, locked): (i32, bool) = sqlx::query_as(
        "SELECT failed_login_attempts, locked_until > now() FROM auth.users WHERE email = $1",
    )
    .bind(users::SERVICE)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((failures, locked), (5, true), "the lock stands");
    assert!(app.sign_in(users::SERVICE, demo::PASSWORD).await.is_err());
}

#[sqlx::test(migrations = "../migrations")]
async fn a_right_password_among_the_first_four_attempts_signs_in_and_clears_the_count(
    pool: PgPool,
) {
    let app = app(&pool).await;
    for _ in 0..4 {
        app.sign_in(users::SERVICE, WRONG).await.unwrap_err();
    }
    assert!(app.sign_in(users::SERVICE, demo::PASSWORD).await.is_ok());
    let failures: i32 =
        sqlx::query_scalar("SELECT failed_login_attempts FROM auth.users WHERE email = $1")
            .bind(users::SERVICE)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(failures, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn one_address_gets_twenty_failed_sign_ins_then_429_with_retry_after(pool: PgPool) {
    let app = app(&pool).await;
    let emails = [
        users::QC,
        users::ASSEMBLER,
        users::SERVICE,
        users::PROCUREMENT,
        users::COORDINATOR,
    ];
    // Four failures per account stay below each account's lock.
    for attempt in 0..20 {
        let email = emails[attempt % emails.len()];
        let reply = sign_in_from(&app, "203.0.113.7", email, WRONG).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{reply:?}");
    }
    let refused = sign_in_from(&app, "203.0.113.7", users::ADMIN, demo::PASSWORD).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    let retry_after: u64 = refused.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=900).contains(&retry_after), "{retry_after}");
    assert!(matches!(
        error_of(&refused),
        AppError::TooManyAttempts { retry_after_seconds } if retry_after_seconds == retry_after
    ));
    assert!(!refused.headers.contains_key("set-cookie"));
    assert_eq!(
        sign_in_from(&app, "198.51.100.4", users::ADMIN, demo::PASSWORD)
            .await
            .status,
        StatusCode::OK,
        "another address is not held back"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn spraying_one_guess_at_each_of_many_accounts_hits_the_address_limit(pool: PgPool) {
    let app = app(&pool).await;
    let mut statuses = Vec::new();
    for number in 0..25 {
        let email = format!("worker{number}@torvan.test");
        statuses.push(
            sign_in_from(&app, "203.0.113.9", &email, "summer-2026-guess")
                .await
                .status,
        );
    }
    assert_eq!(
        statuses
            .iter()
            .filter(|&&s| s == StatusCode::UNAUTHORIZED)
            .count(),
        20
    );
    assert!(
        statuses[20..]
            .iter()
            .all(|&s| s == StatusCode::TOO_MANY_REQUESTS)
    );
    let checked: i64 = sqlx::query_scalar("SELECT count(*) FROM audit.login_attempts")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(checked, 20, "a throttled guess is not even looked up");
}

#[sqlx::test(migrations = "../migrations")]
async fn signing_in_gives_the_count_back_so_an_office_behind_one_address_is_not_held_back(
    pool: PgPool,
) {
    let app = app(&pool).await;
    for _ in 0..30 {
        let reply = sign_in_from(&app, "203.0.113.20", users::QC, demo::PASSWORD).await;
        assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn guessing_the_current_password_of_a_held_session_is_throttled_per_account(pool: PgPool) {
    let app = app(&pool).await;
    let cookie = app.sign_in(users::QC, demo::PASSWORD).await.unwrap();
    let guess = |current: &str| ChangePassword {
        current_password: current.to_owned(),
        new_password: CHOSEN.to_owned(),
        confirm_password: CHOSEN.to_owned(),
    };
    for _ in 0..5 {
        let refused = app.run(&cookie, guess(WRONG)).await.unwrap_err();
        assert_eq!(refused.fields(), ["current_password"]);
    }
    let throttled = app.run(&cookie, guess(demo::PASSWORD)).await.unwrap_err();
    assert!(
        matches!(throttled, AppError::TooManyAttempts { .. }),
        "{throttled:?}"
    );
    assert!(app.sign_in(users::QC, CHOSEN).await.is_err(), "not changed");
}

/// Signs in as the sign-in page does; where the app sends the user next.
async fn sign_in_answer(app: &TestApp, email: &str, password: &str) -> Answer<String> {
    let form = SignIn {
        email: email.to_owned(),
        password: password.to_owned(),
    };
    app.exchange(None, form).await
}

#[sqlx::test(migrations = "../migrations")]
async fn an_account_an_admin_created_must_change_its_password_before_anything_else(pool: PgPool) {
    let app = app(&pool).await;
    let admin = app.sign_in(users::ADMIN, demo::PASSWORD).await.unwrap();
    app.run(
        &admin,
        CreateUser {
            email: "Rosa.Tanaka@torvan.test".into(),
            first_name: "Rosa".into(),
            last_name: "Tanaka".into(),
            role: torvan::Role::Assembler,
            password: CHOSEN.into(),
        },
    )
    .await
    .unwrap();

    let signed_in = sign_in_answer(&app, "rosa.tanaka@torvan.test", CHOSEN).await;
    assert_eq!(signed_in.status, StatusCode::OK);
    assert_eq!(signed_in.result.as_deref(), Ok("/account/password"));
    let rosa = app
        .sign_in("rosa.tanaka@torvan.test", CHOSEN)
        .await
        .unwrap();
    let refused = app.exchange(Some(&rosa), LoadDashboard {}).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{refused:?}");
    assert_eq!(refused.result, Err(AppError::MustChangePassword));

    let own = "galvanised-sink-trap-9";
    app.run(
        &rosa,
        ChangePassword {
            current_password: CHOSEN.into(),
            new_password: own.into(),
            confirm_password: own.into(),
        },
    )
    .await
    .unwrap();
    let signed_in = sign_in_answer(&app, "rosa.tanaka@torvan.test", own).await;
    assert_eq!(signed_in.result.as_deref(), Ok("/"));
    let rosa = app.sign_in("rosa.tanaka@torvan.test", own).await.unwrap();
    assert!(app.run(&rosa, LoadDashboard {}).await.is_ok());
}

#[sqlx::test(migrations = "../migrations")]
async fn a_password_an_admin_reset_must_be_changed_at_the_next_sign_in(pool: PgPool) {
    let app = app(&pool).await;
    let admin = app.sign_in(users::ADMIN, demo::PASSWORD).await.unwrap();
    app.run(
        &admin,
        ResetPassword {
            user_id: users::ASSEMBLER_ID,
            new_password: CHOSEN.into(),
        },
    )
    .await
    .unwrap();
    let signed_in = sign_in_answer(&app, users::ASSEMBLER, CHOSEN).await;
    assert_eq!(signed_in.result.as_deref(), Ok("/account/password"));
}

#[sqlx::test(migrations = "../migrations")]
async fn an_admin_cannot_reset_their_own_password_and_is_not_offered_to(pool: PgPool) {
    let app = app(&pool).await;
    let admin = app.sign_in(users::ADMIN, demo::PASSWORD).await.unwrap();
    let refused = app
        .run(
            &admin,
            ResetPassword {
                user_id: users::ADMIN_ID,
                new_password: CHOSEN.into(),
            },
        )
        .await
        .unwrap_err();
    assert_eq!(refused.fields(), ["new_password"]);
    assert!(app.sign_in(users::ADMIN, demo::PASSWORD).await.is_ok());

    let listed = app.run(&admin, ListUsers {}).await.unwrap();
    let viewers: Vec<Uuid> = listed
        .iter()
        .filter(|user| user.is_viewer)
        .map(|user| user.id)
        .collect();
    assert_eq!(viewers, [users::ADMIN_ID]);
}

#[sqlx::test(migrations = "../migrations")]
async fn one_account_per_email_whatever_its_case(pool: PgPool) {
    let _app = app(&pool).await;
    let duplicate = sqlx::query(
        "INSERT INTO auth.users (email, password_hash, role, first_name, last_name)
         VALUES ('QC@Torvan.test', 'x', 'QC_PERSON', 'Helen', 'Again')",
    )
    .execute(&mut arranging(&pool).await)
    .await
    .unwrap_err();
    assert_eq!(
        duplicate.as_database_error().and_then(|db| db.constraint()),
        Some("users_email_lower_key")
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_template_of_more_lines_than_the_cap_is_refused_at_its_lines(pool: PgPool) {
    let app = app(&pool).await;
    let cookie = app
        .sign_in(users::COORDINATOR, demo::PASSWORD)
        .await
        .unwrap();
    let id: Uuid = sqlx::query_scalar("SELECT md5('torvan-demo:bom-template:ESR')::uuid")
        .fetch_one(&pool)
        .await
        .unwrap();
    // Every line the child of the next and the last of the first: the
    // loop that cost the square of its length to report.
    let count = torvan::bom::MAX_LINES + 1;
    let lines: Vec<_> = (1..=count)
        .map(|n| json!({ "line_number": n, "parent_line": n % count + 1 }))
        .collect();
    let body = json!({
        "id": id,
        "lines": lines,
        "order_number": demo::orders::PENDING,
        "build_number": demo::orders::PENDING_BUILD,
    });
    // Hand-built: the typed line has every field, and only the parents matter.
    let reply = app
        .post_raw(
            PreviewTemplate::PATH,
            "application/json",
            body.to_string(),
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{reply:?}");
    assert_eq!(
        error_of(&reply),
        AppError::invalid(
            "lines",
            "A template holds at most 5000 lines; this one has 5001."
        )
    );
}
