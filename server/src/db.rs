use std::time::Duration;

use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;
use torvan::SystemActor;

use crate::config::DatabaseConfig;

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");

/// How long a request waits for a database connection before it is told
/// the database is unreachable. Short, because a person is waiting: a healthy
/// pool hands out a connection in milliseconds even under load (BENCHMARKS.md),
/// and an unreachable database would otherwise hold every request for the
/// whole wait.
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_millis(1500);

pub async fn connect(config: &DatabaseConfig) -> Result<PgPool, sqlx::Error> {
    pool_options(config.max_connections)
        .connect(&config.url)
        .await
}

/// The pool every server uses, before it is pointed at a database.
pub fn pool_options(max_connections: u32) -> PgPoolOptions {
    PgPoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(ACQUIRE_TIMEOUT)
}

/// What the commands call before they use the database: applies pending
/// migrations as the owner when `TORVAN_MIGRATION_DATABASE_URL` names one;
/// otherwise through the app's own pool, as before there were two roles,
/// unless nothing is pending (the runtime role may not create the
/// migrations' table, so it only checks that every migration is applied).
pub async fn migrate_for(
    config: &DatabaseConfig,
    pool: &PgPool,
) -> Result<(), sqlx::migrate::MigrateError> {
    match &config.migration_url {
        Some(owner_url) => {
            let owner = pool_options(1).connect(owner_url).await?;
            let outcome = migrate(&owner).await;
            owner.close().await;
            outcome
        }
        None if up_to_date(pool).await => sync_permissions(pool).await,
        None => migrate(pool).await,
    }
}

/// Whether every migration this build knows is applied, unchanged. Any
/// doubt (no migrations table yet, a changed checksum) is "no": running the
/// migrator then applies them or says what is wrong.
async fn up_to_date(pool: &PgPool) -> bool {
    let applied = sqlx::query!(
        r#"SELECT version AS "version!", checksum AS "checksum!" FROM _sqlx_migrations WHERE success"#
    )
    .fetch_all(pool)
    .await;
    let Ok(applied) = applied else {
        return false;
    };
    MIGRATOR.iter().all(|migration| {
        applied.iter().any(|row| {
            row.version == migration.version && row.checksum == migration.checksum.as_ref()
        })
    })
}

/// Applies pending migrations, then writes the permission table.
pub async fn migrate(pool: &PgPool) -> Result<(), sqlx::migrate::MigrateError> {
    MIGRATOR.run(pool).await?;
    sync_permissions(pool).await
}

/// Writes the permission table, acting as the `migrate` system actor. (A
/// migration that writes audited rows declares that actor itself: other
/// tools run migrations too.)
async fn sync_permissions(pool: &PgPool) -> Result<(), sqlx::migrate::MigrateError> {
    let mut tx = torvan_app::db::begin_system(pool, SystemActor::Migrate).await?;
    crate::permissions::sync(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}
