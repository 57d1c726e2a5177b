//! Backups: `torvan backup`'s dump of the demo data, stored in S3 and
//! recorded, restores into a new database with the same rows in every
//! table and an audit chain that still verifies; a restore into a database
//! that holds tables is refused; a backup that cannot be stored is
//! recorded as failed.

use sqlx::PgPool;
use sqlx::postgres::PgConnectOptions;
use torvan_server::backup::{PgTools, back_up, restore};
use torvan_server::{ServerError, audit_verify};
use uuid::Uuid;

use crate::support::TestApp;

/// The URL of `options`' database, or of `database` on the same server.
fn url_of(options: &PgConnectOptions, database: Option<&str>) -> String {
    format!(
        "postgres://{}@{}:{}/{}",
        options.get_username(),
        options.get_host(),
        options.get_port(),
        database.or(options.get_database()).unwrap_or("postgres")
    )
}

/// Every table of the app's schemas, with its row count.
async fn row_counts(pool: &PgPool) -> Vec<(String, i64)> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables
         WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
         ORDER BY 1",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut counts = Vec::with_capacity(tables.len());
    for table in tables {
        let count: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
            .fetch_one(pool)
            .await
            .unwrap();
        counts.push((table, count));
    }
    counts
}

#[sqlx::test(migrations = "../migrations")]
async fn a_backup_restored_into_a_new_database_holds_the_same_rows(pool: PgPool) {
    torvan_server::seed::seed_demo(&pool).await.unwrap();
    let app = TestApp::new(pool.clone()).await;
    let options = pool.connect_options();
    let tools = PgTools::from_env();

    let backup = back_up(&pool, &url_of(&options, None), &app.storage, &tools)
        .await
        .unwrap();

    let job: (String, Option<i64>, Option<String>, Option<String>) = sqlx::query_as(
        "SELECT status, backup_size_bytes, backup_location, verification_status
         FROM system.backup_jobs WHERE id = $1",
    )
    .bind(backup.id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        job,
        (
            "COMPLETED".to_owned(),
            Some(backup.size_bytes),
            Some(backup.key.clone()),
            Some("LISTED".to_owned())
        )
    );

    let copy = format!("restore_{}", Uuid::new_v4().simple());
    sqlx::query(&format!("CREATE DATABASE {copy}"))
        .execute(&pool)
        .await
        .unwrap();
    let copy_url = url_of(&options, Some(&copy));
    restore(&app.storage, &backup.key, &copy_url, &tools)
        .await
        .unwrap();
    let restored = PgPool::connect(&copy_url).await.unwrap();
    let before = row_counts(&pool).await;
    let after = row_counts(&restored).await;
    assert!(before.len() > 50, "{before:?}");
    assert!(
        before
            .iter()
            .any(|(table, rows)| table == "orders.orders" && *rows > 0),
        "{before:?}"
    );
    // The backup's own job row was written as RUNNING before the dump:
    // the restored copy has it, as the source had then.
    assert_eq!(before, after);
    let verification = audit_verify::verify(&restored).await.unwrap();
    assert_eq!(verification.broken, None, "{verification}");

    let again = restore(&app.storage, &backup.key, &copy_url, &tools).await;
    assert!(
        matches!(&again, Err(ServerError::Input(message)) if message.contains("empty database")),
        "{again:?}"
    );
    restored.close().await;
    sqlx::query(&format!("DROP DATABASE {copy} WITH (FORCE)"))
        .execute(&pool)
        .await
        .unwrap();
}

#[sqlx::test(migrations = "../migrations")]
async fn a_backup_that_cannot_be_stored_is_recorded_as_failed(pool: PgPool) {
    let app = TestApp::new(pool.clone()).await;
    app.break_storage();

    let failed = back_up(
        &pool,
        &url_of(&pool.connect_options(), None),
        &app.storage,
        &PgTools::from_env(),
    )
    .await;

    assert!(matches!(failed, Err(ServerError::Backup(_))), "{failed:?}");
    let (status, message): (String, Option<String>) =
        sqlx::query_as("SELECT status, error_message FROM system.backup_jobs")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(status, "FAILED");
    assert!(message.unwrap().contains("S3 put"));
}
