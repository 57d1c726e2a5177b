//! The retention job's timer (issue #17): every `PERIOD` each app server
//! asks `retention::run::run_due` to apply the policies, which runs them at
//! most once a `INTERVAL` across all servers (an advisory lock and the last
//! recorded run decide), so a server started in the middle of the day does
//! not run them again.

use std::time::Duration;

use sqlx::PgPool;
use torvan_app::objects::ObjectStore;
use torvan_app::retention::run::run_due;

/// How often a server looks whether a run is due.
pub const PERIOD: Duration = Duration::from_secs(60 * 60);

/// How often the policies are applied.
pub const INTERVAL: Duration = Duration::from_secs(24 * 60 * 60);

/// Looks now and every `PERIOD` until the server stops; a failed run is
/// recorded and logged, and tried again at the next look.
pub async fn run_periodically(pool: PgPool, objects: impl ObjectStore) {
    let mut ticks = tokio::time::interval(PERIOD);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        match run_due(&pool, &objects, INTERVAL).await {
            Ok(Some(run)) => tracing::info!(%run, "retention policies applied"),
            Ok(None) => {}
            Err(error) => tracing::warn!(%error, "the retention run failed"),
        }
    }
}
