//! The retention policies and the job's last runs, as the admin screen
//! shows them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use torvan::retention::RetentionAction;
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionReport {
    pub policies: Vec<PolicyView>,
    /// The latest runs, the newest first.
    pub runs: Vec<RunView>,
}

/// One `data_retention_policies` row and what the job does with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyView {
    /// `schema.table`, as the policy names it.
    pub table: String,
    /// What people call it ("Sign-in attempts"); the name when unknown.
    pub label: String,
    pub days: i32,
    pub active: bool,
    /// Rows past the period are archived and removed (else only listed).
    pub removes: bool,
    /// Why the job skips the policy, when it does.
    pub problem: Option<String>,
}

/// One run of the job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunView {
    pub id: Uuid,
    pub started_at: DateTime<Utc>,
    pub ok: bool,
    /// Why it failed, when it did (then nothing was removed).
    pub problem: Option<String>,
    pub manifest_key: Option<String>,
    pub manifest_sha256: Option<String>,
    pub tables: Vec<RunTableView>,
}

/// What a run did about one policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunTableView {
    pub table: String,
    pub label: String,
    pub action: RetentionAction,
    pub cutoff: Option<DateTime<Utc>>,
    /// Removed (`Removed`) or past the period and kept (`Review`).
    pub row_count: i64,
    pub oldest_at: Option<DateTime<Utc>>,
    pub archive_key: Option<String>,
    pub note: Option<String>,
}

/// What people call the table a policy names.
pub fn label_of(table: &str) -> String {
    use torvan::DbEnum;
    torvan::retention::RetainedTable::parse(table)
        .map_or_else(|_| table.to_owned(), |known| known.label().to_owned())
}
