//! Nobody writes anonymously: the audit trigger refuses a change that names
//! no user and no known system actor, records the system actor that made
//! one, and the request's client address and user agent. Sessions starting
//! and ending are in the trail too, with who, where from and why.

use sqlx::{PgPool, Row};
use torvan::{DbEnum, Role, SystemActor, UserStatus};
use torvan_app::admin::{ChangeRole, EndUserSessions, SetUserStatus};
use torvan_app::auth::sessions::{AuthSettings, ClientAddressFrom};
use torvan_app::auth::{SignIn, SignOut, WhoAmI};
use torvan_app::db::begin_system;
use torvan_server::seed::seed_demo;

use crate::support::demo::{self, users};
use crate::support::rows::{insert_customer, insert_order, insert_part, insert_user, sqlstate};
use crate::support::{TestApp, arranging, auth_settings};

/// Where the test browser says it is: behind a proxy that writes
/// `X-Real-IP`, with its own user agent.
const ADDRESS: &str = "203.0.113.9";
const BROWSER: &str = "Mozilla/5.0 (audit test)";
const FROM: [(&str, &str); 2] = [("x-real-ip", ADDRESS), ("user-agent", BROWSER)];

/// The app over the demo data, reading the client's address from the
/// proxy's `X-Real-IP`.
async fn behind_a_proxy(pool: &PgPool) -> TestApp {
    seed_demo(pool).await.unwrap();
    let auth = AuthSettings {
        client_address: ClientAddressFrom::XRealIp,
        ..auth_settings()
    };
    TestApp::with_auth(pool.clone(), auth).await
}

/// Signs `email` in from `FROM`; the cookie to send back.
async fn sign_in_from_the_browser(app: &TestApp, email: &str) -> String {
    let form = SignIn {
        email: email.to_owned(),
        password: demo::PASSWORD.to_owned(),
    };
    let answer = app.exchange_from(None, &FROM, form).await;
    assert_eq!(answer.result, Ok("/".to_owned()));
    answer.cookie().unwrap()
}

/// A session event as the trail holds it.
#[derive(Debug, PartialEq)]
struct Logged {
    user_email: Option<String>,
    session_id: Option<String>,
    system_actor: Option<String>,
    ip_address: Option<String>,
    user_agent: Option<String>,
    description: Option<String>,
}

/// The trail's rows of `action` about sessions, oldest first.
async fn session_events(pool: &PgPool, action: &str) -> Vec<Logged> {
    sqlx::query(
        "SELECT user_email, session_id, system_actor, host(ip_address) AS ip_address,
                user_agent, description
         FROM audit.audit_log
         WHERE action = $1::audit_action AND resource_type = 'user_sessions'
         ORDER BY created_at, id",
    )
    .bind(action)
    .fetch_all(pool)
    .await
    .unwrap()
    .into_iter()
    .map(|row| Logged {
        user_email: row.get("user_email"),
        session_id: row.get("session_id"),
        system_actor: row.get("system_actor"),
        ip_address: row.get("ip_address"),
        user_agent: row.get("user_agent"),
        description: row.get("description"),
    })
    .collect()
}

/// The ids of `email`'s sessions, oldest first.
async fn sessions_of(pool: &PgPool, email: &str) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT s.id::text FROM auth.user_sessions s JOIN auth.users u ON u.id = s.user_id
         WHERE u.email = $1 ORDER BY s.created_at, s.id",
    )
    .bind(email)
    .fetch_all(pool)
    .await
    .unwrap()
}

/// A session event of `email`'s `session` from the test browser.
fn from_the_browser(email: &str, session: &str, description: &str) -> Logged {
    Logged {
        user_email: Some(email.to_owned()),
        session_id: Some(session.to_owned()),
        system_actor: None,
        ip_address: Some(ADDRESS.to_owned()),
        user_agent: Some(BROWSER.to_owned()),
        description: Some(description.to_owned()),
    }
}

async fn count(pool: &PgPool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_change_naming_no_user_and_no_system_actor_is_refused_and_leaves_nothing(pool: PgPool) {
    let user = insert_user(&pool, "coord@example.com", "PRODUCTION_COORDINATOR").await;
    let customer = insert_customer(&pool, "C-1", "General Hospital", &user).await;
    let order = insert_order(&pool, "ORD-1", &customer, &user).await;
    let part = insert_part(&pool, "999-0001", 5, 0, 0).await;
    let bom: String = sqlx::query_scalar(
        "INSERT INTO orders.boms (order_id, created_by) VALUES ($1::uuid, $2::uuid)
         RETURNING id::text",
    )
    .bind(&order)
    .bind(&user)
    .fetch_one(&mut arranging(&pool).await)
    .await
    .unwrap();
    let audited_before = count(&pool, "SELECT count(*) FROM audit.audit_log").await;

    // A row trigger (parts) and the statement trigger of BOM lines alike.
    let anonymous_part = sqlx::query(
        "INSERT INTO inventory.parts (part_number, name) VALUES ('999-0002', 'Nobody''s part')",
    )
    .execute(&pool)
    .await
    .unwrap_err();
    let anonymous_line = sqlx::query(
        "INSERT INTO orders.bom_items (bom_id, line_number, part_id, quantity_required, unit_cost)
         VALUES ($1::uuid, 1, $2::uuid, 1, 1.00)",
    )
    .bind(&bom)
    .bind(&part)
    .execute(&pool)
    .await
    .unwrap_err();
    for refused in [anonymous_part, anonymous_line] {
        assert_eq!(sqlstate(&refused).as_deref(), Some("42501"), "{refused}");
        assert!(
            refused
                .to_string()
                .contains("refused: no acting user and no system actor"),
            "{refused}"
        );
    }

    let part_left = "SELECT count(*) FROM inventory.parts WHERE part_number = '999-0002'";
    assert_eq!(count(&pool, part_left).await, 0);
    assert_eq!(
        count(&pool, "SELECT count(*) FROM orders.bom_items").await,
        0
    );
    assert_eq!(
        count(&pool, "SELECT count(*) FROM audit.audit_log").await,
        audited_before
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn each_system_actor_is_recorded_on_what_it_writes(pool: PgPool) {
    let listed: Vec<String> = sqlx::query_scalar("SELECT unnest(audit.system_actors())")
        .fetch_all(&pool)
        .await
        .unwrap();
    let known: Vec<_> = SystemActor::ALL
        .iter()
        .map(|actor| actor.as_db_str())
        .collect();
    assert_eq!(
        listed, known,
        "the database and the domain list the same actors"
    );

    for (n, &actor) in SystemActor::ALL.iter().enumerate() {
        let mut tx = begin_system(&pool, actor).await.unwrap();
        sqlx::query("INSERT INTO inventory.parts (part_number, name) VALUES ($1, 'A part')")
            .bind(format!("999-000{n}"))
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let row = sqlx::query(
            "SELECT user_id::text AS user_id, system_actor FROM audit.audit_log
             WHERE resource_type = 'parts' AND new_values ->> 'part_number' = $1",
        )
        .bind(format!("999-000{n}"))
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!(row.get::<Option<String>, _>("user_id"), None);
        assert_eq!(
            row.get::<Option<String>, _>("system_actor").as_deref(),
            Some(actor.as_db_str())
        );
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn an_actor_not_on_the_list_is_refused_even_beside_a_user(pool: PgPool) {
    let user = insert_user(&pool, "coord@example.com", "PRODUCTION_COORDINATOR").await;
    for acting_user in [String::new(), user] {
        let mut tx = pool.begin().await.unwrap();
        sqlx::query(
            "SELECT set_config('app.system_actor', 'nightly-job', true),
                    set_config('app.current_user_id', $1, true)",
        )
        .bind(&acting_user)
        .execute(&mut *tx)
        .await
        .unwrap();
        let refused = sqlx::query(
            "INSERT INTO inventory.parts (part_number, name) VALUES ('999-0001', 'A part')",
        )
        .execute(&mut *tx)
        .await
        .unwrap_err();
        assert_eq!(sqlstate(&refused).as_deref(), Some("42501"), "{refused}");
        assert!(
            refused
                .to_string()
                .contains("\"nightly-job\" is not a system actor"),
            "{refused}"
        );
    }
    let direct = sqlx::query(
        "INSERT INTO audit.audit_log (action, resource_type, system_actor)
         VALUES ('EXPORT', 'audit_log', 'nightly-job')",
    )
    .execute(&pool)
    .await
    .unwrap_err();
    assert_eq!(sqlstate(&direct).as_deref(), Some("23514"), "{direct}");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_users_change_records_the_requests_address_and_user_agent(pool: PgPool) {
    let app = behind_a_proxy(&pool).await;
    let cookie = sign_in_from_the_browser(&app, users::ADMIN).await;
    let promote = ChangeRole {
        user_id: users::ASSEMBLER_ID,
        role: Role::QcPerson,
    };
    app.exchange_from(Some(&cookie), &FROM, promote)
        .await
        .result
        .unwrap();

    let row = sqlx::query(
        "SELECT user_email, host(ip_address) AS ip, user_agent, system_actor, changed_fields
         FROM audit.audit_log
         WHERE resource_type = 'users' AND resource_id = $1 AND action = 'UPDATE'
           AND 'role' = ANY (changed_fields)",
    )
    .bind(users::ASSEMBLER_ID.to_string())
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        row.get::<Option<String>, _>("user_email").as_deref(),
        Some(users::ADMIN)
    );
    assert_eq!(row.get::<Option<String>, _>("ip").as_deref(), Some(ADDRESS));
    assert_eq!(
        row.get::<Option<String>, _>("user_agent").as_deref(),
        Some(BROWSER)
    );
    assert_eq!(row.get::<Option<String>, _>("system_actor"), None);
}

#[sqlx::test(migrations = "../migrations")]
async fn signing_in_and_out_are_in_the_trail_with_the_session_and_the_client(pool: PgPool) {
    let app = behind_a_proxy(&pool).await;
    let cookie = sign_in_from_the_browser(&app, users::QC).await;
    let session = sessions_of(&pool, users::QC).await.remove(0);
    app.exchange_from(Some(&cookie), &FROM, SignOut {})
        .await
        .result
        .unwrap();

    assert_eq!(
        session_events(&pool, "LOGIN").await,
        [from_the_browser(users::QC, &session, "signed in")]
    );
    assert_eq!(
        session_events(&pool, "LOGOUT").await,
        [from_the_browser(users::QC, &session, "signed out")]
    );
}

/// A refused sign-in stays in `audit.login_attempts`, where every attempt
/// is, and not in the trail as an event: the trail records what happened to
/// records and sessions, and an attempt's typed email (often a password
/// typed in the wrong box) does not belong in rows nobody may delete. What
/// a wrong password changes on its account (the count towards a lock) is a
/// row change, recorded as the sign-in actor's.
#[sqlx::test(migrations = "../migrations")]
async fn a_refused_sign_in_is_counted_by_the_sign_in_actor_and_starts_no_session(pool: PgPool) {
    let app = behind_a_proxy(&pool).await;
    let wrong = SignIn {
        email: users::QC.to_owned(),
        password: "not the password".to_owned(),
    };
    assert!(app.exchange_from(None, &FROM, wrong).await.result.is_err());

    assert_eq!(session_events(&pool, "LOGIN").await, []);
    let counted = sqlx::query(
        "SELECT system_actor, host(ip_address) AS ip, new_values ->> 'failed_login_attempts' AS n
         FROM audit.audit_log
         WHERE resource_type = 'users' AND action = 'UPDATE' AND user_email IS NULL",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        counted.get::<Option<String>, _>("system_actor").as_deref(),
        Some("sign-in")
    );
    assert_eq!(
        counted.get::<Option<String>, _>("ip").as_deref(),
        Some(ADDRESS)
    );
    assert_eq!(counted.get::<Option<String>, _>("n").as_deref(), Some("1"));
    let attempts = "SELECT count(*) FROM audit.login_attempts WHERE NOT success";
    assert_eq!(count(&pool, attempts).await, 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_timed_out_session_is_recorded_when_it_is_next_used(pool: PgPool) {
    let app = behind_a_proxy(&pool).await;
    let cookie = sign_in_from_the_browser(&app, users::QC).await;
    let session = sessions_of(&pool, users::QC).await.remove(0);
    sqlx::query("UPDATE auth.user_sessions SET last_seen_at = now() - interval '31 minutes'")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(session_events(&pool, "LOGOUT").await, []);

    let me = app.exchange_from(Some(&cookie), &FROM, WhoAmI {}).await;
    assert_eq!(me.result, Ok(None), "the session has ended");
    assert_eq!(
        session_events(&pool, "LOGOUT").await,
        [Logged {
            system_actor: Some(SystemActor::SessionExpiry.as_db_str().to_owned()),
            ..from_the_browser(
                users::QC,
                &session,
                "session timed out: not used for too long"
            )
        }]
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn sessions_an_admin_ends_are_in_the_trail_with_the_admins_name(pool: PgPool) {
    let app = behind_a_proxy(&pool).await;
    let admin = sign_in_from_the_browser(&app, users::ADMIN).await;
    sign_in_from_the_browser(&app, users::ASSEMBLER).await;
    sign_in_from_the_browser(&app, users::ASSEMBLER).await;
    let end = EndUserSessions {
        user_id: users::ASSEMBLER_ID,
    };
    app.exchange_from(Some(&admin), &FROM, end)
        .await
        .result
        .unwrap();
    sign_in_from_the_browser(&app, users::ASSEMBLER).await;
    let suspend = SetUserStatus {
        user_id: users::ASSEMBLER_ID,
        status: UserStatus::Suspended,
    };
    app.exchange_from(Some(&admin), &FROM, suspend)
        .await
        .result
        .unwrap();

    let sessions = sessions_of(&pool, users::ASSEMBLER).await;
    let mut ended: Vec<_> = session_events(&pool, "LOGOUT").await;
    ended.sort_by(|a, b| a.session_id.cmp(&b.session_id));
    let ended_by = "session ended by admin Dana Whitfield";
    let suspended = format!("{ended_by}: account no longer active");
    let mut expected = vec![
        from_the_browser(users::ASSEMBLER, &sessions[0], ended_by),
        from_the_browser(users::ASSEMBLER, &sessions[1], ended_by),
        from_the_browser(users::ASSEMBLER, &sessions[2], &suspended),
    ];
    expected.sort_by(|a, b| a.session_id.cmp(&b.session_id));
    assert_eq!(ended, expected);
    let still_active = format!(
        "SELECT count(*) FROM auth.user_sessions WHERE is_active AND user_id = '{}'",
        users::ASSEMBLER_ID
    );
    assert_eq!(count(&pool, &still_active).await, 0);
}
