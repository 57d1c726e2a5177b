//! The filtered trail as CSV, one line per changed field, and the export
//! recorded in the trail itself (action EXPORT, the user, the filter) on
//! the same connection, so a file is only handed out once its export is
//! written: the caller commits both together.
//!
//! Capped, not streamed: the file is built whole inside the transaction
//! that records it, which a stream would hold open for as long as a slow
//! download takes. [`EXPORT_CAP`] entries, newest first, bound the memory
//! and the transaction; the page says so, and older entries are reached by
//! narrowing the days.

use serde_json::Value;
use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::csv::write_row;
use uuid::Uuid;

use super::event::{Event, Kind, record};
use super::model::{AuditEntry, AuditFilter, EXPORT_CAP};
use super::queries::list;
use crate::error::AppError;

const COLUMNS: [&str; 12] = [
    "when_utc",
    "user_name",
    "user_email",
    "user_role",
    "action",
    "table",
    "record",
    "description",
    "field",
    "old_value",
    "new_value",
    "entry_id",
];

/// The file's name and contents for `filter` (its cursor ignored: an
/// export starts at the newest entry), recorded as exported by `user_id`
/// in `session_id`.
pub async fn audit_csv(
    conn: &mut PgConnection,
    user_id: Uuid,
    session_id: Uuid,
    filter: &AuditFilter,
) -> Result<(String, String), AppError> {
    let filter = AuditFilter {
        after: None,
        ..filter.clone()
    };
    let entries = list(conn, &filter, EXPORT_CAP).await?.entries;
    let mut csv = write_row(&COLUMNS);
    for entry in &entries {
        csv.push_str(&lines(entry));
    }
    record_export(conn, user_id, session_id, &filter, entries.len()).await?;
    Ok(("audit".to_owned(), csv))
}

/// An entry's lines: one per changed field, or one with no field.
fn lines(entry: &AuditEntry) -> String {
    let actor = entry.actor.as_ref();
    let head = [
        entry.at.format("%Y-%m-%d %H:%M:%S").to_string(),
        actor
            .and_then(|actor| actor.name.clone())
            .unwrap_or_default(),
        actor.map(|actor| actor.email.clone()).unwrap_or_default(),
        actor
            .and_then(|actor| actor.role)
            .map(|role| role.as_db_str().to_owned())
            .unwrap_or_default(),
        entry.action.as_db_str().to_owned(),
        entry.table.clone(),
        entry.record.clone().unwrap_or_default(),
        entry.description.clone().unwrap_or_default(),
    ];
    let line = |field: &str, old: &Option<String>, new: &Option<String>| {
        let mut fields = head.to_vec();
        fields.extend([
            field.to_owned(),
            old.clone().unwrap_or_default(),
            new.clone().unwrap_or_default(),
            entry.id.to_string(),
        ]);
        write_row(&fields)
    };
    if entry.changes.is_empty() {
        return line("", &None, &None);
    }
    entry
        .changes
        .iter()
        .map(|change| line(&change.field, &change.old, &change.new))
        .collect()
}

/// The export's own audit entry: who, which filter, how many entries.
async fn record_export(
    conn: &mut PgConnection,
    user_id: Uuid,
    session_id: Uuid,
    filter: &AuditFilter,
    count: usize,
) -> Result<(), AppError> {
    let pairs = filter.pairs();
    let described: Vec<String> = pairs
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect();
    let description = match described.is_empty() {
        true => format!("Exported {count} audit entries as CSV, unfiltered"),
        false => format!(
            "Exported {count} audit entries as CSV; filter: {}",
            described.join(", ")
        ),
    };
    let params = Value::Object(
        pairs
            .into_iter()
            .map(|(name, value)| (name.to_owned(), Value::String(value)))
            .collect(),
    );
    let event = Event {
        kind: Kind::Export,
        user_id,
        session_id: Some(session_id),
        resource_type: "audit_log",
        resource_id: None,
        description: &description,
        params: Some(params),
    };
    record(conn, event).await
}
