//! The audit trail as it crosses the wire: the filter (as the address bar
//! and the CSV link carry it), and one page of entries, each with its
//! changes field by field.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use torvan::audit::{AuditAction, AuditedTable};
use torvan::{DbEnum, Role};
use uuid::Uuid;

/// Entries per page.
pub const PAGE_SIZE: i64 = 50;

/// The most entries one CSV export holds, newest first: the file is built
/// whole in the transaction that records the export, so its size is
/// bounded; older entries are reached by narrowing the days.
pub const EXPORT_CAP: i64 = 20_000;

/// Which entries to show; everything optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditFilter {
    pub table: Option<AuditedTable>,
    /// The record's id, or the number people know it by (order, build,
    /// part or customer number) when a table is chosen.
    pub record: String,
    /// The acting user's email address.
    pub user: String,
    pub action: Option<AuditAction>,
    /// First and last day, UTC, both included.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// The last entry of the page before: the page shows the entries
    /// older than it (the keyset cursor). None for the newest page.
    pub after: Option<Uuid>,
}

impl AuditFilter {
    /// The filter as (name, value) pairs for an address, without the
    /// cursor; empty fields are left out.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(table) = self.table {
            pairs.push(("table", table.as_db_str().to_owned()));
        }
        if !self.record.trim().is_empty() {
            pairs.push(("record", self.record.trim().to_owned()));
        }
        if !self.user.trim().is_empty() {
            pairs.push(("user", self.user.trim().to_owned()));
        }
        if let Some(action) = self.action {
            pairs.push(("action", action.as_db_str().to_owned()));
        }
        if let Some(from) = self.from {
            pairs.push(("from", from.to_string()));
        }
        if let Some(to) = self.to {
            pairs.push(("to", to.to_string()));
        }
        pairs
    }

    /// The filter from an address's (name, value) pairs; values that name
    /// nothing known are ignored, as a hand-edited address may hold them.
    pub fn from_pairs(value: impl Fn(&str) -> Option<String>) -> Self {
        let text = |key| {
            value(key)
                .map(|text| text.trim().to_owned())
                .filter(|text| !text.is_empty())
        };
        let date = |key| text(key).and_then(|day| NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok());
        Self {
            table: text("table").and_then(|name| AuditedTable::parse(&name).ok()),
            record: text("record").unwrap_or_default(),
            user: text("user").unwrap_or_default(),
            action: text("action").and_then(|name| AuditAction::parse(&name).ok()),
            from: date("from"),
            to: date("to"),
            after: text("after").and_then(|id| Uuid::parse_str(&id).ok()),
        }
    }
}

/// One page of entries, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntries {
    pub entries: Vec<AuditEntry>,
    /// The cursor of the next (older) page, when there is one.
    pub older: Option<Uuid>,
}

/// Who acted: the user as the entry recorded them (email and role at the
/// time), with their name when the account still exists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub name: Option<String>,
    pub email: String,
    pub role: Option<Role>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    /// None when no user was named (a system write).
    pub actor: Option<Actor>,
    /// The system actor the write declared (`sign-in`, `seed-demo`, …),
    /// beside or instead of a user.
    pub system_actor: Option<String>,
    pub action: AuditAction,
    /// The table as recorded; one the viewer does not list is shown by name.
    pub table: String,
    pub record: Option<String>,
    pub description: Option<String>,
    pub changes: Vec<FieldChange>,
}

impl AuditEntry {
    /// The table as people say it.
    pub fn table_label(&self) -> &str {
        match AuditedTable::parse(&self.table) {
            Ok(table) => table.label(),
            Err(_) => &self.table,
        }
    }
}

/// One field of a change: a created record shows only new values, a
/// deleted one only old values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}
