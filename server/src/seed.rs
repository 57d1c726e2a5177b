//! The demo data set: realistic, deterministic and idempotent. Every row has a
//! fixed id and every insert skips rows already present, so a second run
//! changes nothing and writes no audit rows.

use sqlx::PgPool;

/// The SQL files of `server/seed/`, in name order, embedded at build time.
const SEED_FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/seed_files.rs"));

/// The demo admin of `01_users.sql`, who generates the demo BOMs.
const DEMO_ADMIN: uuid::Uuid = uuid::Uuid::from_u128(0x00000000_0000_4000_a000_000000000001);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedReport {
    pub files: usize,
}

/// Loads the demo data in one transaction: all of it or none of it.
pub async fn seed_demo(pool: &PgPool) -> Result<SeedReport, sqlx::Error> {
    let mut tx = pool.begin().await?;
    for (name, sql) in SEED_FILES {
        tracing::debug!(file = name, "loading demo data");
        sqlx::raw_sql(sql).execute(&mut *tx).await?;
    }
    torvan_app::boms::demo::generate_missing(&mut tx, DEMO_ADMIN)
        .await
        .map_err(|error| sqlx::Error::Protocol(format!("demo BOMs: {error}")))?;
    tx.commit().await?;
    Ok(SeedReport {
        files: SEED_FILES.len(),
    })
}
