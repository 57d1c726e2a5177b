//! The periodic database health check (issue #17): one app server reads the
//! database's connections, size, oldest open transaction and replicas,
//! judges each (`torvan::db_health`) and writes one row per check to
//! `system.database_health_checks`; the admin screen shows the latest.
//!
//! Once per period across app servers: the writing transaction takes a
//! transaction-scoped advisory lock and then skips when a check younger
//! than the period is stored, so the second of two servers whose timers
//! fire together waits for the first's commit and finds its rows. `/readyz`
//! never runs this: it stays one cheap query.
//!
//! PostgreSQL shows the start of other roles' transactions only to members
//! of `pg_read_all_stats`; without it, the oldest transaction is the oldest
//! of the app's own role, which is the one the app can cause.

use std::time::Duration;

use sqlx::PgPool;
use torvan::DbEnum;
use torvan::db_health::{self, Verdict};

/// How often a check runs.
pub const PERIOD: Duration = Duration::from_secs(300);

/// The advisory lock's key: any fixed number no other lock of the app uses.
const LOCK: i64 = 0x746f_7276_616e_0017;

/// Checks now and every `PERIOD` until the server stops; a failed check is
/// logged and the next one runs on time.
pub async fn run_periodically(pool: PgPool) {
    let mut ticks = tokio::time::interval(PERIOD);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        if let Err(error) = check_once(&pool, PERIOD).await {
            tracing::warn!(%error, "the database health check failed");
        }
    }
}

/// Runs the checks unless a check younger than `period` is stored; returns
/// the verdicts written (none when it skipped).
pub async fn check_once(pool: &PgPool, period: Duration) -> Result<Vec<Verdict>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query!("SELECT pg_advisory_xact_lock($1)", LOCK)
        .execute(&mut *tx)
        .await?;
    let period_seconds = i64::try_from(period.as_secs()).unwrap_or(i64::MAX);
    let recent = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM system.database_health_checks
                          WHERE checked_at > now() - $1::bigint * interval '1 second') AS "recent!""#,
        period_seconds
    )
    .fetch_one(&mut *tx)
    .await?;
    if recent {
        return Ok(Vec::new());
    }
    let reading = sqlx::query!(
        r#"SELECT
             (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend') AS "in_use!",
             current_setting('max_connections')::bigint AS "limit!",
             pg_database_size(current_database()) AS "size!",
             (SELECT extract(epoch FROM now() - min(xact_start))::bigint FROM pg_stat_activity
              WHERE xact_start IS NOT NULL AND pid <> pg_backend_pid()) AS longest,
             (SELECT count(*) FROM pg_stat_replication) AS "replicas!",
             (SELECT extract(epoch FROM max(replay_lag))::bigint FROM pg_stat_replication) AS lag"#
    )
    .fetch_one(&mut *tx)
    .await?;
    let verdicts = vec![
        db_health::connections(reading.in_use, reading.limit),
        db_health::database_size(reading.size),
        db_health::longest_transaction(reading.longest),
        db_health::replication_lag(reading.replicas, reading.lag),
    ];
    for verdict in &verdicts {
        sqlx::query!(
            "INSERT INTO system.database_health_checks (check_type, check_result, message, checked_at)
             VALUES ($1, $2, $3, now())",
            verdict.check.as_db_str(),
            verdict.result.as_db_str(),
            verdict.message,
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(verdicts)
}
