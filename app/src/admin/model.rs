//! The user accounts as the admin page lists them; the audit chain's and
//! the database's last checks.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use torvan::db_health::{HealthCheck, HealthResult};
use torvan::{Role, UserStatus};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRow {
    pub id: Uuid,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub status: UserStatus,
    pub last_login_at: Option<DateTime<Utc>>,
    pub locked_until: Option<DateTime<Utc>>,
    pub active_sessions: i64,
    /// The account of the admin looking at the list, whose password is
    /// changed on the password page, not reset here.
    pub is_viewer: bool,
}

/// The last run of `torvan audit verify`, as the admin screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainVerification {
    pub verified_at: DateTime<Utc>,
    pub rows_checked: i64,
    /// The seq of the last row that matched.
    pub last_seq: i64,
    /// `None` when the chain was intact; else where and what broke, as
    /// the command said it (e.g. "seq 12 (audit_log): content changed…").
    pub broken: Option<String>,
}

/// The latest database health check of one kind (`jobs::health`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthReading {
    pub check: HealthCheck,
    pub result: HealthResult,
    pub message: String,
    pub checked_at: DateTime<Utc>,
}
