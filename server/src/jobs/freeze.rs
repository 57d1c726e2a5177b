//! Freezing the production records of shipped builds (issue #17): every
//! `PERIOD`, each build whose order has shipped and whose record has no
//! revision gets revision 1, its PDF stored in S3 (`builds::freeze`).
//!
//! Each build is frozen in a transaction of its own, so one that fails (the
//! store down, say) is logged and tried again next period while the others
//! go on. With several app servers the build's row lock decides: the second
//! server to reach a build waits for the first's commit and then finds its
//! revision, and freezes nothing.

use std::time::Duration;

use sqlx::PgPool;
use torvan::SystemActor;
use torvan_app::builds::freeze;
use torvan_app::error::AppError;
use torvan_app::objects::ObjectStore;

/// How often shipped builds are looked for.
pub const PERIOD: Duration = Duration::from_secs(60);

/// The most builds one period freezes; the rest wait for the next.
const BATCH: i64 = 50;

/// Freezes now and every `PERIOD` until the server stops.
pub async fn run_periodically(pool: PgPool, objects: impl ObjectStore) {
    let mut ticks = tokio::time::interval(PERIOD);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        if let Err(error) = freeze_due(&pool, &objects).await {
            tracing::warn!(%error, "looking for shipped builds to freeze failed");
        }
    }
}

/// Freezes the records of shipped builds not frozen yet, up to `BATCH`;
/// how many it froze.
pub async fn freeze_due(pool: &PgPool, objects: &dyn ObjectStore) -> Result<usize, AppError> {
    let due = freeze::due(&mut *pool.acquire().await?, BATCH).await?;
    let mut frozen = 0;
    for build in due {
        let attempt = async {
            let mut tx = torvan_app::db::begin_system(pool, SystemActor::RecordFreeze).await?;
            let done = freeze::freeze_shipped(&mut tx, objects, &build).await?;
            tx.commit().await?;
            Ok::<_, AppError>(done)
        };
        match attempt.await {
            Ok(Some(_)) => frozen += 1,
            Ok(None) => {}
            Err(error) => {
                tracing::warn!(%error, build = build.as_str(), "a shipped build's record was not frozen");
            }
        }
    }
    Ok(frozen)
}
