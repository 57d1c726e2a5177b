//! A retention run's archive in S3: each table's removed rows as JSON
//! lines, and the manifest naming every file with its SHA-256, all under
//! `archives/retention/<run>/`.

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use torvan::DbEnum;
use torvan::retention::RetainedTable;
use uuid::Uuid;

use super::run::{Archived, PastRow, TableOutcome};
use crate::error::AppError;
use crate::objects::ObjectStore;

/// What a person reads when the archive cannot be stored.
const ARCHIVE_DOWN: &str =
    "The archive could not be stored (the file store is unavailable), so nothing was removed.";

/// Where a run's archive files go.
fn archive_key(run: Uuid, file: &str) -> String {
    format!("archives/retention/{run}/{file}")
}

/// Stores `rows` as one JSON-lines file; its key and SHA-256.
pub(super) async fn store_lines(
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
pub(super) async fn store_manifest(
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
