//! The two roles (migration 30): the runtime role may only append to and
//! read the audit trail, and the append-only triggers refuse a change even
//! to the owner; the app served as the runtime role still does its work.

use sqlx::PgPool;
use torvan_app::admin::CreateUser;
use torvan_server::config::DatabaseConfig;

use crate::support::TestApp;
use crate::support::demo::{self, users};
use crate::support::roles::runtime_pool;
use crate::support::rows::{insert_customer, insert_user, sqlstate};

const AUDIT_TABLES: [&str; 4] = [
    "audit.audit_log",
    "audit.data_changes",
    "audit.login_attempts",
    "audit.chain_verifications",
];

/// Writes audited rows, so every statement below has rows to refuse.
async fn audited_rows(pool: &PgPool) {
    let admin = insert_user(pool, "admin@example.com", "ADMIN").await;
    insert_customer(pool, "C-1", "General Hospital", &admin).await;
    sqlx::query(
        "INSERT INTO audit.login_attempts (email, success) VALUES ('x@example.com', false)",
    )
    .execute(pool)
    .await
    .unwrap();
    torvan_server::audit_verify::verify_and_record(pool)
        .await
        .unwrap();
}

async fn refused(pool: &PgPool, statement: &str) -> sqlx::Error {
    match sqlx::query(statement).execute(pool).await {
        Ok(done) => panic!("`{statement}` was allowed ({} rows)", done.rows_affected()),
        Err(error) => error,
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn the_runtime_role_cannot_update_delete_truncate_or_disable_triggers_on_any_audit_table(
    pool: PgPool,
) {
    audited_rows(&pool).await;
    let runtime = runtime_pool(&pool).await;
    for table in AUDIT_TABLES {
        for statement in [
            format!("UPDATE {table} SET id = id"),
            format!("DELETE FROM {table}"),
            format!("TRUNCATE {table}"),
            format!("ALTER TABLE {table} DISABLE TRIGGER append_only"),
            format!("ALTER TABLE {table} DISABLE TRIGGER ALL"),
        ] {
            let error = refused(&runtime, &statement).await;
            assert_eq!(
                sqlstate(&error).as_deref(),
                Some("42501"),
                "`{statement}`: {error}"
            );
        }
    }
    let head = refused(&runtime, "UPDATE audit.chain_head SET seq = 0").await;
    assert_eq!(sqlstate(&head).as_deref(), Some("42501"), "{head}");
}

#[sqlx::test(migrations = "../migrations")]
async fn the_runtime_role_reads_and_appends_to_the_audit_trail(pool: PgPool) {
    audited_rows(&pool).await;
    let runtime = runtime_pool(&pool).await;
    for table in AUDIT_TABLES {
        let rows: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
            .fetch_one(&runtime)
            .await
            .unwrap();
        assert!(rows > 0, "{table} is empty");
    }
    sqlx::query(
        "INSERT INTO audit.login_attempts (email, success) VALUES ('y@example.com', false)",
    )
    .execute(&runtime)
    .await
    .unwrap();
    let verification = torvan_server::audit_verify::verify_and_record(&runtime)
        .await
        .unwrap();
    assert_eq!(verification.broken, None);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_append_only_trigger_refuses_changes_even_to_the_owner(pool: PgPool) {
    audited_rows(&pool).await;
    for table in AUDIT_TABLES {
        for statement in [
            format!("UPDATE {table} SET id = id"),
            format!("DELETE FROM {table}"),
            format!("TRUNCATE {table} CASCADE"),
        ] {
            let error = refused(&pool, &statement).await;
            assert!(
                error.to_string().contains("is append-only"),
                "`{statement}`: {error}"
            );
        }
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn the_app_served_as_the_runtime_role_writes_and_its_audit_row_appears(pool: PgPool) {
    torvan_server::seed::seed_demo(&pool).await.unwrap();
    let runtime = runtime_pool(&pool).await;
    let app = TestApp::new(runtime.clone()).await;
    let cookie = app.sign_in(users::ADMIN, demo::PASSWORD).await.unwrap();

    app.run(
        &cookie,
        CreateUser {
            email: "rosa.tanaka@torvan.test".into(),
            first_name: "Rosa".into(),
            last_name: "Tanaka".into(),
            role: torvan::Role::Assembler,
            password: "Lantern-Orchard-Quiver-58".into(),
        },
    )
    .await
    .unwrap();

    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit.audit_log
         WHERE resource_type = 'users' AND action = 'CREATE' AND user_id = $1
           AND new_values ->> 'email' = 'rosa.tanaka@torvan.test'",
    )
    .bind(users::ADMIN_ID)
    .fetch_one(&runtime)
    .await
    .unwrap();
    assert_eq!(audited, 1);
    let verification = torvan_server::audit_verify::verify(&runtime).await.unwrap();
    assert_eq!(verification.broken, None);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_runtime_role_alone_starts_when_no_migration_is_pending(pool: PgPool) {
    let runtime = runtime_pool(&pool).await;
    let config = DatabaseConfig {
        url: String::new(),
        migration_url: None,
        max_connections: 1,
    };
    torvan_server::db::migrate_for(&config, &runtime)
        .await
        .unwrap();

    // A pending migration is the owner's to apply: the runtime role is
    // refused, it does not half-apply it.
    sqlx::query(
        "DELETE FROM _sqlx_migrations WHERE version = (SELECT max(version) FROM _sqlx_migrations)",
    )
    .execute(&pool)
    .await
    .unwrap();
    let refused = torvan_server::db::migrate_for(&config, &runtime).await;
    assert!(refused.is_err());
}
