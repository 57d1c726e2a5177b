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

/// Applies pending migrations, then writes the permission table, acting
/// as the `migrate` system actor. (A migration that writes audited rows
/// declares that actor itself: other tools run migrations too.)
pub async fn migrate(pool: &PgPool) -> Result<(), sqlx::migrate::MigrateError> {
    MIGRATOR.run(pool).await?;
    let mut tx = torvan_app::db::begin_system(pool, SystemActor::Migrate).await?;
    crate::permissions::sync(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}
