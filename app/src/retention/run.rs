//! One run of the retention job: each policy applied in one transaction,
//! recorded in `system.retention_runs` with what it did per table.
//!
//! Nothing is removed before it is archived: a table's rows past their
//! period are read, written to S3 as JSON lines (each line the row as the
//! audit chain hashes it: `to_jsonb`, in UTC) and only then removed, in the
//! transaction that records the run with the archive's key and SHA-256.
//! A failure anywhere rolls the removal back (an archive already stored
//! stays, unnamed and harmless), and the failed run is recorded on its own.
//! Regulated tables are never touched: their rows past the period are only
//! counted (`torvan::retention`). A policy's `archive_before_delete` is not
//! read: no setting removes rows without their archive.
//!
//! One runner across app servers: the transaction takes an advisory lock
//! without waiting (a second server skips rather than queueing behind the
//! first) and then skips when a successful run younger than the interval is
//! recorded.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};
use torvan::retention::{Disposal, RetainedTable, RetentionAction};
use torvan::{DbEnum, SystemActor};
use uuid::Uuid;

use super::archive::{store_lines, store_manifest};
use super::review::review;
use crate::error::AppError;
use crate::objects::ObjectStore;

/// The advisory lock's key: any fixed number no other lock of the app uses.
const LOCK: i64 = 0x746f_7276_616e_0044;

/// The most rows of one table a run removes; the rest wait for the next.
pub const BATCH: i64 = 100_000;

/// What one run did about one policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableOutcome {
    pub schema: String,
    pub table: String,
    pub action: RetentionAction,
    pub cutoff: Option<DateTime<Utc>>,
    pub row_count: i64,
    pub oldest_at: Option<DateTime<Utc>>,
    pub archive: Option<Archived>,
    pub note: Option<String>,
}

/// A file of the run's archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archived {
    pub key: String,
    pub sha256: String,
}

/// Runs the job unless another server is running it or a successful run
/// younger than `interval` is recorded; the run's id when it ran. A run
/// that fails is recorded as failed, and its error returned.
pub async fn run_due(
    pool: &PgPool,
    objects: &dyn ObjectStore,
    interval: Duration,
) -> Result<Option<Uuid>, AppError> {
    let mut tx = crate::db::begin_system(pool, SystemActor::Retention).await?;
    let locked = sqlx::query_scalar!(r#"SELECT pg_try_advisory_xact_lock($1) AS "locked!""#, LOCK)
        .fetch_one(&mut *tx)
        .await?;
    let seconds = i64::try_from(interval.as_secs()).unwrap_or(i64::MAX);
    let recent = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM system.retention_runs
                          WHERE ok AND started_at > now() - $1::bigint * interval '1 second') AS "recent!""#,
        seconds
    )
    .fetch_one(&mut *tx)
    .await?;
    if !locked || recent {
        return Ok(None);
    }
    let run = Uuid::new_v4();
    match apply(&mut tx, objects, run).await {
        Ok(_) => {
            tx.commit().await?;
            Ok(Some(run))
        }
        Err(error) => {
            tx.rollback().await?;
            tracing::warn!(%error, %run, "the retention run failed; nothing was removed");
            record_failure(pool, run, &error).await?;
            Err(error)
        }
    }
}

/// Applies every policy in the caller's transaction and records the run
/// as `run`.
pub async fn apply(
    conn: &mut PgConnection,
    objects: &dyn ObjectStore,
    run: Uuid,
) -> Result<Vec<TableOutcome>, AppError> {
    // Rows are archived as the audit chain hashes them (chain_digest): in
    // UTC, so a sign-in attempt's archived line re-hashes to its link.
    sqlx::query!("SET LOCAL TimeZone TO 'UTC'")
        .execute(&mut *conn)
        .await?;
    let started_at = sqlx::query_scalar!(r#"SELECT now() AS "now!""#)
        .fetch_one(&mut *conn)
        .await?;
    let policies = super::queries::policies(conn).await?;
    let mut outcomes = Vec::with_capacity(policies.len());
    for row in policies {
        let skipped = |note: String| TableOutcome {
            schema: row.schema.clone(),
            table: row.table.clone(),
            action: RetentionAction::Skipped,
            cutoff: None,
            row_count: 0,
            oldest_at: None,
            archive: None,
            note: Some(note),
        };
        if !row.active {
            outcomes.push(skipped("The policy is switched off.".to_owned()));
            continue;
        }
        let policy = match &row.parsed {
            Ok(policy) => *policy,
            Err(problem) => {
                outcomes.push(skipped(problem.to_string()));
                continue;
            }
        };
        let cutoff = sqlx::query_scalar!(
            r#"SELECT now() - make_interval(days => $1) AS "cutoff!""#,
            policy.days
        )
        .fetch_one(&mut *conn)
        .await?;
        let outcome = match policy.table.disposal() {
            Disposal::Remove => remove(conn, objects, run, policy.table, cutoff).await?,
            Disposal::Review => review(conn, policy.table, cutoff).await?,
        };
        outcomes.push(TableOutcome {
            schema: row.schema,
            table: row.table,
            ..outcome
        });
    }
    let manifest = store_manifest(objects, run, started_at, &outcomes).await?;
    record(conn, run, started_at, manifest.as_ref(), &outcomes).await?;
    Ok(outcomes)
}

/// Archives and removes `table`'s rows older than `cutoff`, up to `BATCH`.
async fn remove(
    conn: &mut PgConnection,
    objects: &dyn ObjectStore,
    run: Uuid,
    table: RetainedTable,
    cutoff: DateTime<Utc>,
) -> Result<TableOutcome, AppError> {
    let rows = match table {
        RetainedTable::UserSessions => sessions_past(conn, cutoff).await?,
        RetainedTable::LoginAttempts => sign_in_attempts_past(conn, cutoff).await?,
        other => {
            tracing::error!(
                table = other.as_db_str(),
                "a regulated table reached removal"
            );
            return Err(AppError::Internal);
        }
    };
    let row_count = i64::try_from(rows.len()).map_err(|_| AppError::Internal)?;
    let oldest_at = rows.iter().map(|row| row.at).min();
    let mut outcome = TableOutcome {
        schema: String::new(),
        table: String::new(),
        action: RetentionAction::Removed,
        cutoff: Some(cutoff),
        row_count,
        oldest_at,
        archive: None,
        note: None,
    };
    if rows.is_empty() {
        return Ok(outcome);
    }
    let archived = store_lines(objects, run, table, &rows).await?;
    let removed = match table {
        RetainedTable::UserSessions => {
            let ids: Vec<Uuid> = rows.iter().map(|row| row.id).collect();
            let done = sqlx::query!("DELETE FROM auth.user_sessions WHERE id = ANY($1)", &ids)
                .execute(&mut *conn)
                .await?;
            i64::try_from(done.rows_affected()).map_err(|_| AppError::Internal)?
        }
        _ => {
            let through = rows.iter().filter_map(|row| row.seq).max();
            sqlx::query_scalar!(
                r#"SELECT audit.remove_login_attempts($1, $2, $3) AS "removed!""#,
                through,
                row_count,
                archived.key,
            )
            .fetch_one(&mut *conn)
            .await?
        }
    };
    if removed != row_count {
        tracing::error!(
            removed,
            row_count,
            table = table.as_db_str(),
            "removed other rows than archived"
        );
        return Err(AppError::Internal);
    }
    outcome.archive = Some(archived);
    Ok(outcome)
}

/// A row on its way to the archive: the line, and what the removal needs.
pub(super) struct PastRow {
    id: Uuid,
    seq: Option<i64>,
    at: DateTime<Utc>,
    pub(super) line: String,
}

/// Sessions that expired before `cutoff`, locked against a sign-out
/// writing to them meanwhile.
async fn sessions_past(
    conn: &mut PgConnection,
    cutoff: DateTime<Utc>,
) -> Result<Vec<PastRow>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT s.id, s.expires_at, to_jsonb(s)::text AS "line!"
           FROM auth.user_sessions s
           WHERE s.expires_at < $1
           ORDER BY s.expires_at, s.id
           LIMIT $2
           FOR UPDATE"#,
        cutoff,
        BATCH
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| PastRow {
            id: row.id,
            seq: None,
            at: row.expires_at,
            line: row.line,
        })
        .collect())
}

/// Sign-in attempts made before `cutoff`, in chain order: the first
/// `BATCH` of them are exactly those up to the last one's place, which is
/// how `audit.remove_login_attempts` is told which to remove. They are
/// never changed, so they need no lock (and the app may not take one).
async fn sign_in_attempts_past(
    conn: &mut PgConnection,
    cutoff: DateTime<Utc>,
) -> Result<Vec<PastRow>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT a.id, a.seq, a.attempted_at AS "attempted_at!", to_jsonb(a)::text AS "line!"
           FROM audit.login_attempts a
           WHERE a.attempted_at < $1
           ORDER BY a.seq
           LIMIT $2"#,
        cutoff,
        BATCH
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| PastRow {
            id: row.id,
            seq: Some(row.seq),
            at: row.attempted_at,
            line: row.line,
        })
        .collect())
}

/// The run and its tables, in the run's transaction.
async fn record(
    conn: &mut PgConnection,
    run: Uuid,
    started_at: DateTime<Utc>,
    manifest: Option<&Archived>,
    outcomes: &[TableOutcome],
) -> Result<(), AppError> {
    sqlx::query!(
        "INSERT INTO system.retention_runs (id, started_at, ok, manifest_key, manifest_sha256)
         VALUES ($1, $2, true, $3, $4)",
        run,
        started_at,
        manifest.map(|archive| archive.key.clone()),
        manifest.map(|archive| archive.sha256.clone()),
    )
    .execute(&mut *conn)
    .await?;
    for outcome in outcomes {
        sqlx::query!(
            "INSERT INTO system.retention_run_tables
                 (run_id, table_schema, table_name, action, cutoff, row_count, oldest_at,
                  archive_key, archive_sha256, note)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            run,
            outcome.schema,
            outcome.table,
            outcome.action.as_db_str(),
            outcome.cutoff,
            outcome.row_count,
            outcome.oldest_at,
            outcome.archive.as_ref().map(|archive| archive.key.clone()),
            outcome
                .archive
                .as_ref()
                .map(|archive| archive.sha256.clone()),
            outcome.note,
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// A failed run, recorded in a transaction of its own after the run's
/// rolled back.
async fn record_failure(pool: &PgPool, run: Uuid, error: &AppError) -> Result<(), AppError> {
    let mut tx = crate::db::begin_system(pool, SystemActor::Retention).await?;
    sqlx::query!(
        "INSERT INTO system.retention_runs (id, started_at, ok, problem)
         VALUES ($1, now(), false, $2)",
        run,
        error.to_string(),
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
