//! The regulated tables a retention policy names (orders, the audit trail,
//! QC photos, time on builds, file access): past their period their rows
//! are only counted, for a person to decide; the job never removes them.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::retention::{RetainedTable, RetentionAction};

use super::run::TableOutcome;
use crate::error::AppError;

/// Counts a regulated table's rows past `cutoff`, keeping every one.
pub(super) async fn review(
    conn: &mut PgConnection,
    table: RetainedTable,
    cutoff: DateTime<Utc>,
) -> Result<TableOutcome, AppError> {
    // One count per table: `query!` checks each statement against its table.
    macro_rules! past_cutoff {
        ($sql:literal) => {{
            let row = sqlx::query!($sql, cutoff).fetch_one(conn).await?;
            (row.n, row.oldest)
        }};
    }
    let (row_count, oldest_at) = match table {
        RetainedTable::Orders => past_cutoff!(
            r#"SELECT count(*) AS "n!", min(created_at) AS oldest
                   FROM orders.orders WHERE created_at < $1"#
        ),
        RetainedTable::AuditLog => past_cutoff!(
            r#"SELECT count(*) AS "n!", min(created_at) AS oldest
                   FROM audit.audit_log WHERE created_at < $1"#
        ),
        RetainedTable::FileAccessLog => past_cutoff!(
            r#"SELECT count(*) AS "n!", min(accessed_at) AS oldest
                   FROM files.file_access_log WHERE accessed_at < $1"#
        ),
        RetainedTable::TaskTimeEntries => past_cutoff!(
            r#"SELECT count(*) AS "n!", min(start_time) AS oldest
                   FROM workflow.task_time_entries WHERE start_time < $1"#
        ),
        RetainedTable::QcPhotos => past_cutoff!(
            r#"SELECT count(*) AS "n!", min(taken_at) AS oldest
                   FROM quality.qc_photos WHERE taken_at < $1"#
        ),
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
