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
use sha2::{Digest, Sha256};
use sqlx::{PgConnection, PgPool};
use torvan::retention::{Disposal, RetainedTable, RetentionAction};
use torvan::{DbEnum, SystemActor};
use uuid::Uuid;

use crate::error::AppError;
use crate::objects::ObjectStore;

/// The advisory lock's key: any fixed number no other lock of the app uses.
const LOCK: i64 = 0x746f_7276_616e_0044;

/// The most rows of one table a run removes; the rest wait for the next.
pub const BATCH: i64 = 100_000;

/// What a person reads when the archive cannot be stored.
const ARCHIVE_DOWN: &str =
    "The archive could not be stored (the file store is unavailable), so nothing was removed.";

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
struct PastRow {
    id: Uuid,
    seq: Option<i64>,
    at: DateTime<Utc>,
    line: String,
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

/// Counts a regulated table's rows past `cutoff`, keeping every one.
async fn review(
    conn: &mut PgConnection,
    table: RetainedTable,
    cutoff: DateTime<Utc>,
) -> Result<TableOutcome, AppError> {
    let (row_count, oldest_at) = match table {
        RetainedTable::Orders => {
            let row = sqlx::query!(
                r#"SELECT count(*) AS "n!", min(created_at) AS oldest
                   FROM orders.orders WHERE created_at < $1"#,
                cutoff
            )
            .fetch_one(conn)
            .await?;
            (row.n, row.oldest)
        }
        RetainedTable::AuditLog => {
            let row = sqlx::query!(
                r#"SELECT count(*) AS "n!", min(created_at) AS oldest
                   FROM audit.audit_log WHERE created_at < $1"#,
                cutoff
            )
            .fetch_one(conn)
            .await?;
            (row.n, row.oldest)
        }
        RetainedTable::FileAccessLog => {
            let row = sqlx::query!(
                r#"SELECT count(*) AS "n!", min(accessed_at) AS oldest
                   FROM files.file_access_log WHERE accessed_at < $1"#,
                cutoff
            )
            .fetch_one(conn)
            .await?;
            (row.n, row.oldest)
        }
        RetainedTable::TaskTimeEntries => {
            let row = sqlx::query!(
                r#"SELECT count(*) AS "n!", min(start_time) AS oldest
                   FROM workflow.task_time_entries WHERE start_time < $1"#,
                cutoff
            )
            .fetch_one(conn)
            .await?;
            (row.n, row.oldest)
        }
        RetainedTable::QcPhotos => {
            let row = sqlx::query!(
                r#"SELECT count(*) AS "n!", min(taken_at) AS oldest
                   FROM quality.qc_photos WHERE taken_at < $1"#,
                cutoff
            )
            .fetch_one(conn)
            .await?;
            (row.n, row.oldest)
        }
        RetainedTable::UserSessions | RetainedTable::LoginAttempts => {
            tracing::error!(
                table = table.as_db_str(),
                "a removable table reached review"
            );
            return Err(AppError::Internal);
        }
    };
    Ok(TableOutcome {
        schema: String::new(),
        table: String::new(),
        action: RetentionAction::Review,
        cutoff: Some(cutoff),
        row_count,
        oldest_at,
        archive: None,
        note: None,
    })
}

/// Where a run's archive files go.
fn archive_key(run: Uuid, file: &str) -> String {
    format!("archives/retention/{run}/{file}")
}

/// Stores `rows` as one JSON-lines file; its key and SHA-256.
async fn store_lines(
    objects: &dyn ObjectStore,
    run: Uuid,
    table: RetainedTable,
    rows: &[PastRow],
) -> Result<Archived, AppError> {
    let mut bytes = Vec::with_capacity(rows.iter().map(|row| row.line.len() + 1).sum());
    for row in rows {
        bytes.extend_from_slice(row.line.as_bytes());
        bytes.push(b'\n');
    }
    let key = archive_key(run, &format!("{}.jsonl", table.as_db_str()));
    store(objects, &key, bytes, "application/x-ndjson").await
}

/// Stores the manifest naming every archived file with its hash; none when
/// the run archived nothing.
async fn store_manifest(
    objects: &dyn ObjectStore,
    run: Uuid,
    started_at: DateTime<Utc>,
    outcomes: &[TableOutcome],
) -> Result<Option<Archived>, AppError> {
    let files: Vec<_> = outcomes
        .iter()
        .filter_map(|outcome| {
            outcome.archive.as_ref().map(|archive| {
                serde_json::json!({
                    "table": format!("{}.{}", outcome.schema, outcome.table),
                    "key": archive.key,
                    "sha256": archive.sha256,
                    "rows": outcome.row_count,
                    "cutoff": outcome.cutoff,
                })
            })
        })
        .collect();
    if files.is_empty() {
        return Ok(None);
    }
    let manifest = serde_json::json!({
        "run": run,
        "started_at": started_at,
        "format": "JSON lines, one row per line as PostgreSQL's to_jsonb renders it in UTC",
        "files": files,
    });
    let bytes = serde_json::to_vec_pretty(&manifest).map_err(|error| {
        tracing::error!(%error, "the retention manifest does not serialise");
        AppError::Internal
    })?;
    store(
        objects,
        &archive_key(run, "manifest.json"),
        bytes,
        "application/json",
    )
    .await
    .map(Some)
}

async fn store(
    objects: &dyn ObjectStore,
    key: &str,
    bytes: Vec<u8>,
    content_type: &str,
) -> Result<Archived, AppError> {
    let sha256 = torvan::text::hex(&Sha256::digest(&bytes));
    objects
        .put(key, bytes, content_type)
        .await
        .map_err(|failure| {
            tracing::warn!(%failure, key, "a retention archive was not stored");
            AppError::invalid("archive", ARCHIVE_DOWN)
        })?;
    Ok(Archived {
        key: key.to_owned(),
        sha256,
    })
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
