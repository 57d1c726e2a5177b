//! The audit trail's hash chain (migration 30) and `torvan audit verify`:
//! intact chains verify, a superuser's edit or deletion is named, the
//! writer's time zone does not matter, concurrent writers make one chain,
//! and admins see the last verification.

use sqlx::{PgPool, Postgres, Transaction};
use torvan::SystemActor;
use torvan::audit_chain::ChainProblem;
use torvan_app::admin::LastChainVerification;
use torvan_app::db::begin_system;
use torvan_server::audit_verify::{self, Verification};
use uuid::Uuid;

use crate::support::TestApp;
use crate::support::demo::users;
use crate::support::rows::{insert_customer, insert_user};

/// Five audited changes: ten rows in the chain (audit_log + data_changes).
async fn five_changes(pool: &PgPool) -> String {
    let admin = insert_user(pool, "admin@example.com", "ADMIN").await;
    for n in 1..=4 {
        insert_customer(pool, &format!("C-{n}"), &format!("Hospital {n}"), &admin).await;
    }
    admin
}

async fn chain_rows(pool: &PgPool) -> i64 {
    sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM audit.audit_log) + (SELECT count(*) FROM audit.data_changes)
              + (SELECT count(*) FROM audit.login_attempts)",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

/// The audit_log row of the third change, in the middle of the chain.
async fn middle_row(pool: &PgPool) -> (i64, Uuid) {
    sqlx::query_as("SELECT seq, id FROM audit.audit_log ORDER BY seq OFFSET 2 LIMIT 1")
        .fetch_one(pool)
        .await
        .unwrap()
}

/// Tampering as only a superuser or the owner can: with the append-only
/// trigger switched off for the one statement.
async fn tamper(pool: &PgPool, table: &str, statement: &str) {
    let mut tx = pool.begin().await.unwrap();
    for sql in [
        format!("ALTER TABLE audit.{table} DISABLE TRIGGER append_only"),
        statement.to_owned(),
        format!("ALTER TABLE audit.{table} ENABLE TRIGGER append_only"),
    ] {
        sqlx::query(&sql).execute(&mut *tx).await.unwrap();
    }
    tx.commit().await.unwrap();
}

/// A transaction that may change audited tables: it acts as the demo seed,
/// whose data these rows extend (the audit trigger refuses a change that
/// names nobody).
async fn arranging_transaction(
    pool: &PgPool,
) -> Result<Transaction<'static, Postgres>, sqlx::Error> {
    begin_system(pool, SystemActor::SeedDemo).await
}

/// Deletes the `data_changes` row at `seq`, as `tamper` can.
async fn delete_data_change(pool: &PgPool, seq: i64) {
    let statement = format!("DELETE FROM audit.data_changes WHERE seq = {seq}");
    tamper(pool, "data_changes", &statement).await;
}

fn intact(verification: &Verification) {
    assert_eq!(verification.broken, None, "{verification}");
}

#[sqlx::test(migrations = "../migrations")]
async fn audited_changes_form_a_chain_that_verifies(pool: PgPool) {
    five_changes(&pool).await;
    let verification = audit_verify::verify_and_record(&pool).await.unwrap();
    intact(&verification);
    assert_eq!(verification.rows_checked as i64, chain_rows(&pool).await);
    assert_eq!(verification.rows_checked, 10);

    let seqs: Vec<i64> = sqlx::query_scalar(
        "SELECT seq FROM audit.audit_log UNION ALL SELECT seq FROM audit.data_changes ORDER BY 1",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(seqs, (1..=10).collect::<Vec<_>>());
}

#[sqlx::test(migrations = "../migrations")]
async fn a_row_edited_by_a_superuser_is_named_by_verify(pool: PgPool) {
    five_changes(&pool).await;
    let (seq, id) = middle_row(&pool).await;
    tamper(
        &pool,
        "audit_log",
        &format!("UPDATE audit.audit_log SET description = 'nothing happened' WHERE id = '{id}'"),
    )
    .await;

    let verification = audit_verify::verify_and_record(&pool).await.unwrap();
    let broken = verification.broken.clone().expect("the edit is caught");
    assert_eq!(broken.seq, seq);
    assert_eq!(broken.table, "audit_log");
    assert_eq!(broken.id, Some(id));
    assert_eq!(broken.problem, ChainProblem::ContentChanged);
    assert_eq!(
        broken
            .record
            .as_deref()
            .map(|r| r.starts_with("customers ")),
        Some(true)
    );
    assert_eq!(verification.rows_checked as i64, seq - 1);
    assert!(
        verification.to_string().contains(&format!("seq {seq}")),
        "{verification}"
    );

    let recorded: (bool, Option<i64>, Option<Uuid>) = sqlx::query_as(
        "SELECT ok, bad_seq, bad_id FROM audit.chain_verifications ORDER BY verified_at DESC LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(recorded, (false, Some(seq), Some(id)));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_row_rehashed_after_its_edit_breaks_the_next_link(pool: PgPool) {
    five_changes(&pool).await;
    let (seq, id) = middle_row(&pool).await;
    tamper(
        &pool,
        "audit_log",
        &format!(
            "UPDATE audit.audit_log AS a SET description = 'nothing happened',
                 row_hash = audit.chain_digest('audit_log',
                     to_jsonb(a) || jsonb_build_object('description', 'nothing happened'))
             WHERE id = '{id}'"
        ),
    )
    .await;

    let broken = audit_verify::verify(&pool).await.unwrap().broken.unwrap();
    assert_eq!(broken.seq, seq + 1);
    assert_eq!(broken.problem, ChainProblem::LinkBroken);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_row_deleted_from_the_middle_is_named_as_a_gap(pool: PgPool) {
    five_changes(&pool).await;
    let (seq, _) = sqlx::query_as::<_, (i64, Uuid)>(
        "SELECT seq, id FROM audit.data_changes ORDER BY seq OFFSET 2 LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    delete_data_change(&pool, seq).await;

    let broken = audit_verify::verify(&pool).await.unwrap().broken.unwrap();
    assert_eq!(broken.seq, seq + 1);
    assert_eq!(broken.problem, ChainProblem::SeqGap { expected: seq });
}

#[sqlx::test(migrations = "../migrations")]
async fn rows_deleted_from_the_end_are_named_by_the_chain_head(pool: PgPool) {
    five_changes(&pool).await;
    let last: i64 = sqlx::query_scalar("SELECT seq FROM audit.chain_head")
        .fetch_one(&pool)
        .await
        .unwrap();
    delete_data_change(&pool, last).await;

    let broken = audit_verify::verify(&pool).await.unwrap().broken.unwrap();
    assert_eq!(broken.seq, last - 1);
    assert_eq!(broken.problem, ChainProblem::EndMissing { head_seq: last });
}

#[sqlx::test(migrations = "../migrations")]
async fn the_writers_time_zone_does_not_change_the_hash(pool: PgPool) {
    let mut tx = pool.begin().await.unwrap();
    sqlx::query("SET LOCAL TimeZone = 'Pacific/Chatham'")
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO audit.login_attempts (email, success) VALUES ('x@example.com', false)",
    )
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    sqlx::query("SET TimeZone = 'America/Los_Angeles'")
        .execute(&pool)
        .await
        .unwrap();

    intact(&audit_verify::verify(&pool).await.unwrap());
}

#[sqlx::test(migrations = "../migrations")]
async fn a_rolled_back_savepoint_takes_its_links_with_it(pool: PgPool) {
    let mut tx = pool.begin().await.unwrap();
    for statement in [
        "INSERT INTO audit.login_attempts (email, success) VALUES ('a@example.com', false)",
        "SAVEPOINT attempt",
        "INSERT INTO audit.login_attempts (email, success) VALUES ('b@example.com', false)",
        "ROLLBACK TO SAVEPOINT attempt",
        "INSERT INTO audit.login_attempts (email, success) VALUES ('c@example.com', false)",
    ] {
        sqlx::query(statement).execute(&mut *tx).await.unwrap();
    }
    tx.commit().await.unwrap();
    let mut tx = pool.begin().await.unwrap();
    sqlx::query(
        "INSERT INTO audit.login_attempts (email, success) VALUES ('d@example.com', false)",
    )
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.rollback().await.unwrap();

    let verification = audit_verify::verify(&pool).await.unwrap();
    intact(&verification);
    assert_eq!(verification.rows_checked, 2);
}

#[sqlx::test(migrations = "../migrations")]
async fn concurrent_writers_make_one_unbroken_chain(pool: PgPool) {
    let admin = insert_user(&pool, "admin@example.com", "ADMIN").await;
    let writers = (0..8).map(|writer| {
        let pool = pool.clone();
        let admin = admin.clone();
        tokio::spawn(async move {
            for n in 0..5 {
                let mut tx = arranging_transaction(&pool).await.unwrap();
                sqlx::query(
                    "INSERT INTO customers (customer_number, company_name, created_by)
                     VALUES ($1, 'Clinic', $2::uuid)",
                )
                .bind(format!("C-{writer}-{n}"))
                .bind(&admin)
                .execute(&mut *tx)
                .await
                .unwrap();
                sqlx::query("INSERT INTO audit.login_attempts (email, success) VALUES ($1, false)")
                    .bind(format!("{writer}.{n}@example.com"))
                    .execute(&mut *tx)
                    .await
                    .unwrap();
                tx.commit().await.unwrap();
            }
        })
    });
    for writer in writers.collect::<Vec<_>>() {
        writer.await.unwrap();
    }

    let verification = audit_verify::verify(&pool).await.unwrap();
    intact(&verification);
    // The user (2 rows) and 40 transactions of 3 rows each.
    assert_eq!(verification.rows_checked, 2 + 40 * 3);
}

#[sqlx::test(migrations = "../migrations")]
async fn admins_see_the_last_verification(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    assert_eq!(app.run(&cookie, LastChainVerification {}).await, Ok(None));

    let verification = audit_verify::verify_and_record(&pool).await.unwrap();
    intact(&verification);
    let shown = app
        .run(&cookie, LastChainVerification {})
        .await
        .unwrap()
        .expect("recorded");
    assert_eq!(shown.broken, None);
    assert_eq!(shown.rows_checked as u64, verification.rows_checked);
    assert_eq!(shown.last_seq, verification.verified_to.seq);
}

#[sqlx::test(migrations = false)]
async fn rows_written_before_the_chain_join_it_in_the_order_they_were_written(pool: PgPool) {
    // The schema as it was before migration 30, with audit rows in it.
    let migrations = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations");
    let before = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(&migrations).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if name.as_str() < "20261130000030" {
            std::fs::copy(&path, before.path().join(name)).unwrap();
        }
    }
    sqlx::migrate::Migrator::new(before.path())
        .await
        .unwrap()
        .run(&pool)
        .await
        .unwrap();
    insert_user(&pool, "admin@example.com", "ADMIN").await;
    for (email, at) in [
        ("late@example.com", "2030-01-01T00:00:00Z"),
        ("early@example.com", "2020-01-01T00:00:00Z"),
    ] {
        sqlx::query("INSERT INTO audit.login_attempts (email, success, attempted_at) VALUES ($1, false, $2::timestamptz)")
            .bind(email)
            .bind(at)
            .execute(&pool)
            .await
            .unwrap();
    }

    torvan_server::db::MIGRATOR.run(&pool).await.unwrap();

    let verification = audit_verify::verify(&pool).await.unwrap();
    intact(&verification);
    assert_eq!(verification.rows_checked, 4);
    let order: Vec<String> =
        sqlx::query_scalar("SELECT email FROM audit.login_attempts ORDER BY seq")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(order, ["early@example.com", "late@example.com"]);
    let first: i64 = sqlx::query_scalar(
        "SELECT seq FROM audit.login_attempts WHERE email = 'early@example.com'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(first, 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn writers_crossing_the_same_rows_wait_for_each_other_instead_of_deadlocking(pool: PgPool) {
    let admin = insert_user(&pool, "admin@example.com", "ADMIN").await;
    let a = insert_customer(&pool, "C-A", "Hospital A", &admin).await;
    let b = insert_customer(&pool, "C-B", "Hospital B", &admin).await;
    let rename = "UPDATE customers SET company_name = company_name || '.' WHERE id = $1::uuid";

    let mut first = arranging_transaction(&pool).await.unwrap();
    sqlx::query(rename)
        .bind(&a)
        .execute(&mut *first)
        .await
        .unwrap();
    let second = {
        let pool = pool.clone();
        let (a, b) = (a.clone(), b.clone());
        tokio::spawn(async move {
            let mut tx = arranging_transaction(&pool).await?;
            sqlx::query(rename).bind(&b).execute(&mut *tx).await?;
            sqlx::query(rename).bind(&a).execute(&mut *tx).await?;
            tx.commit().await
        })
    };
    // Let the second transaction reach its first statement and wait there.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    sqlx::query(rename)
        .bind(&b)
        .execute(&mut *first)
        .await
        .unwrap();
    first.commit().await.unwrap();

    second
        .await
        .unwrap()
        .expect("no deadlock: the second waited for the first");
    let verification = audit_verify::verify(&pool).await.unwrap();
    intact(&verification);
}
