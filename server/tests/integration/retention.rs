//! The retention job on the demo data: sessions and sign-in attempts past
//! their period are archived to S3 (lines whose hash the run records, named
//! by a manifest) and then removed, younger ones stay; regulated records
//! past their period are only counted; the audit chain still verifies over
//! the removed attempts; a run whose archive cannot be stored removes
//! nothing and is recorded as failed; a second run the same day does
//! nothing; a policy for an unknown table or with too short a period is
//! skipped; nobody removes a sign-in attempt except through the archiving
//! function.

use sha2::{Digest, Sha256};
use sqlx::PgPool;
use torvan::DbEnum;
use torvan::retention::RetentionAction;
use torvan_app::objects::ObjectStore;
use torvan_app::retention::run::run_due;
use torvan_app::retention::{RetentionOverview, RetentionReport, RunTableView};
use torvan_server::audit_verify;
use torvan_server::jobs::retention::INTERVAL;
use uuid::Uuid;

use crate::support::demo::{PASSWORD, orders, users};
use crate::support::roles::runtime_pool;
use crate::support::rows::sqlstate;
use crate::support::{TestApp, arranging};

/// Past every removable period (sessions 90 days, attempts 365).
const LONG_AGO: &str = "400 days";

/// A session that ended `ago`; its id.
async fn session_ended(pool: &PgPool, ago: &str) -> Uuid {
    let mut conn = arranging(pool).await;
    sqlx::query_scalar(
        "INSERT INTO auth.user_sessions (user_id, session_token, expires_at, created_at, is_active)
         VALUES ($1, md5(random()::text), now() - $2::interval, now() - $2::interval - interval '8 hours', false)
         RETURNING id",
    )
    .bind(users::ADMIN_ID)
    .bind(ago)
    .fetch_one(&mut conn)
    .await
    .unwrap()
}

/// A refused sign-in attempt made `ago`; its id.
async fn attempt_made(pool: &PgPool, ago: &str) -> Uuid {
    let mut conn = arranging(pool).await;
    sqlx::query_scalar(
        "INSERT INTO audit.login_attempts (email, success, failure_reason, attempted_at)
         VALUES ('someone@torvan.test', false, 'wrong password', now() - $1::interval)
         RETURNING id",
    )
    .bind(ago)
    .fetch_one(&mut conn)
    .await
    .unwrap()
}

async fn exists(pool: &PgPool, table: &str, id: Uuid) -> bool {
    sqlx::query_scalar(&format!(
        "SELECT EXISTS (SELECT 1 FROM {table} WHERE id = $1)"
    ))
    .bind(id)
    .fetch_one(pool)
    .await
    .unwrap()
}

/// The retention panel's data, as the admin reads it.
async fn overview(app: &TestApp) -> RetentionReport {
    let admin = app.sign_in(users::ADMIN, PASSWORD).await.unwrap();
    app.run(&admin, RetentionOverview {}).await.unwrap()
}

fn outcome<'a>(tables: &'a [RunTableView], table: &str) -> &'a RunTableView {
    tables
        .iter()
        .find(|outcome| outcome.table == table)
        .unwrap_or_else(|| panic!("{table} in the run: {tables:?}"))
}

#[sqlx::test(migrations = "../migrations")]
async fn old_sessions_and_attempts_are_archived_then_removed_and_regulated_rows_only_listed(
    pool: PgPool,
) {
    let (app, _) = TestApp::demo_signed_in(&pool, users::QC).await;
    let old_session = session_ended(&pool, LONG_AGO).await;
    let recent_session = session_ended(&pool, "10 days").await;
    let old_attempts = [
        attempt_made(&pool, LONG_AGO).await,
        attempt_made(&pool, "390 days").await,
    ];
    let recent_attempt = attempt_made(&pool, "30 days").await;
    sqlx::query(
        "UPDATE orders.orders SET created_at = now() - interval '8 years' WHERE order_number = $1",
    )
    .bind(orders::FIRST_DELIVERED)
    .execute(&mut arranging(&pool).await)
    .await
    .unwrap();

    let run = run_due(&pool, &app.storage, INTERVAL)
        .await
        .unwrap()
        .expect("the first run of the day runs");

    assert!(!exists(&pool, "auth.user_sessions", old_session).await);
    assert!(exists(&pool, "auth.user_sessions", recent_session).await);
    for attempt in old_attempts {
        assert!(!exists(&pool, "audit.login_attempts", attempt).await);
    }
    assert!(exists(&pool, "audit.login_attempts", recent_attempt).await);
    let orders: i64 = sqlx::query_scalar("SELECT count(*) FROM orders.orders")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(orders > 0, "orders are never removed");

    let report = overview(&app).await;
    let last = &report.runs[0];
    assert_eq!(last.id, run);
    assert!(last.ok);
    let attempts = outcome(&last.tables, "audit.login_attempts");
    assert_eq!(attempts.action, RetentionAction::Removed);
    assert_eq!(attempts.row_count, 2);
    let sessions = outcome(&last.tables, "auth.user_sessions");
    assert_eq!(
        (sessions.action, sessions.row_count),
        (RetentionAction::Removed, 1)
    );
    let old_orders = outcome(&last.tables, "orders.orders");
    assert_eq!(
        (old_orders.action, old_orders.row_count),
        (RetentionAction::Review, 1)
    );
    assert_eq!(
        outcome(&last.tables, "quality.qc_photos").action,
        RetentionAction::Review
    );

    // The archive holds the removed rows, as its recorded hash says.
    let key = attempts.archive_key.clone().unwrap();
    let archive = ObjectStore::get(&app.storage, &key).await.unwrap();
    let lines = String::from_utf8(archive.clone()).unwrap();
    assert_eq!(lines.lines().count(), 2);
    assert!(lines.contains(&old_attempts[0].to_string()));
    let recorded: String = sqlx::query_scalar(
        "SELECT archive_sha256 FROM system.retention_run_tables
         WHERE run_id = $1 AND table_name = 'login_attempts'",
    )
    .bind(run)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(recorded, torvan::text::hex(&Sha256::digest(&archive)));
    let manifest = ObjectStore::get(&app.storage, last.manifest_key.as_deref().unwrap())
        .await
        .unwrap();
    assert_eq!(
        last.manifest_sha256.as_deref(),
        Some(torvan::text::hex(&Sha256::digest(&manifest)).as_str())
    );
    assert!(String::from_utf8(manifest).unwrap().contains(&key));

    let verification = audit_verify::verify(&pool).await.unwrap();
    assert_eq!(verification.broken, None, "{verification}");

    assert_eq!(
        run_due(&pool, &app.storage, INTERVAL).await.unwrap(),
        None,
        "once a day"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_run_whose_archive_cannot_be_stored_removes_nothing_and_is_recorded_as_failed(
    pool: PgPool,
) {
    let (app, _) = TestApp::demo_signed_in(&pool, users::QC).await;
    let old_session = session_ended(&pool, LONG_AGO).await;
    app.break_storage();

    let failed = run_due(&pool, &app.storage, INTERVAL).await;

    assert!(failed.is_err(), "{failed:?}");
    assert!(exists(&pool, "auth.user_sessions", old_session).await);
    let report = overview(&app).await;
    let [last] = report.runs.as_slice() else {
        panic!("one run: {:?}", report.runs)
    };
    assert!(!last.ok);
    assert!(
        last.problem
            .as_deref()
            .unwrap()
            .contains("nothing was removed"),
        "{last:?}"
    );
    assert!(last.tables.is_empty());
}

#[sqlx::test(migrations = "../migrations")]
async fn a_policy_for_an_unknown_table_or_shorter_than_allowed_is_skipped(pool: PgPool) {
    let (app, _) = TestApp::demo_signed_in(&pool, users::QC).await;
    let mut conn = arranging(&pool).await;
    sqlx::query(
        "INSERT INTO system.data_retention_policies (table_schema, table_name, retention_period_days)
         VALUES ('orders', 'order_line_items', 365)",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    sqlx::query(
        "UPDATE system.data_retention_policies SET retention_period_days = 5
         WHERE table_name = 'login_attempts'",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    let attempt = attempt_made(&pool, LONG_AGO).await;

    run_due(&pool, &app.storage, INTERVAL)
        .await
        .unwrap()
        .unwrap();

    assert!(exists(&pool, "audit.login_attempts", attempt).await);
    let report = overview(&app).await;
    let tables = &report.runs[0].tables;
    let unknown = outcome(tables, "orders.order_line_items");
    assert_eq!(unknown.action, RetentionAction::Skipped);
    assert!(unknown.note.as_deref().unwrap().contains("not a table"));
    let short = outcome(tables, "audit.login_attempts");
    assert_eq!(short.action, RetentionAction::Skipped);
    let policy = report
        .policies
        .iter()
        .find(|policy| policy.table == "audit.login_attempts")
        .unwrap();
    assert!(policy.problem.as_deref().unwrap().contains("5 days"));
    assert_eq!(
        RetentionAction::parse(short.action.as_db_str()),
        Ok(short.action)
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn sign_in_attempts_are_removed_only_through_the_archiving_function(pool: PgPool) {
    torvan_server::seed::seed_demo(&pool).await.unwrap();
    let attempt = attempt_made(&pool, LONG_AGO).await;
    let runtime = runtime_pool(&pool).await;

    let direct = sqlx::query("DELETE FROM audit.login_attempts")
        .execute(&runtime)
        .await
        .unwrap_err();
    assert_eq!(sqlstate(&direct).as_deref(), Some("42501"), "{direct}");
    let by_owner = sqlx::query("DELETE FROM audit.login_attempts WHERE id = $1")
        .bind(attempt)
        .execute(&pool)
        .await
        .unwrap_err();
    assert!(by_owner.to_string().contains("append-only"), "{by_owner}");
    let tombstone = sqlx::query(
        "INSERT INTO audit.chain_tombstones (seq, table_name, row_id, prev_hash, row_hash, archive_key)
         SELECT seq, 'login_attempts', id, prev_hash, row_hash, 'x' FROM audit.login_attempts WHERE id = $1",
    )
    .bind(attempt)
    .execute(&runtime)
    .await
    .unwrap_err();
    assert_eq!(
        sqlstate(&tombstone).as_deref(),
        Some("42501"),
        "{tombstone}"
    );
    let miscounted =
        sqlx::query("SELECT audit.remove_login_attempts(9223372036854775807, 7, 'archive')")
            .execute(&runtime)
            .await
            .unwrap_err();
    assert!(
        miscounted.to_string().contains("archive holds 7"),
        "{miscounted}"
    );
    let unarchived = sqlx::query("SELECT audit.remove_login_attempts(9223372036854775807, 1, '')")
        .execute(&runtime)
        .await
        .unwrap_err();
    assert!(unarchived.to_string().contains("archived"), "{unarchived}");
    assert!(exists(&pool, "audit.login_attempts", attempt).await);
}
