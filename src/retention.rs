//! Data retention (issue #17): what the retention job may do with each
//! table a `system.data_retention_policies` row names.
//!
//! Only two tables are ever emptied by it, and only of rows past their
//! period: sessions (ended long ago; they prove nothing a regulator asks
//! for) and sign-in attempts (security bookkeeping, kept a year). Every
//! other table a policy names holds regulated records (orders, the audit
//! trail, QC photos, time on builds, who opened which file): past its
//! period it is only listed, and a person decides. The list of tables is
//! closed: a policy naming a table not below is skipped and reported, so
//! a typo in the configuration can never make the job delete something.

use chrono::{DateTime, Duration, Utc};

use crate::DbEnum;

crate::db_enum::db_enum! {
    /// A table a retention policy may name, as `schema.table`.
    pub enum RetainedTable: "retained table" {
        UserSessions = "auth.user_sessions" as "Sessions",
        LoginAttempts = "audit.login_attempts" as "Sign-in attempts",
        Orders = "orders.orders" as "Orders",
        AuditLog = "audit.audit_log" as "Audit trail",
        FileAccessLog = "files.file_access_log" as "File access log",
        TaskTimeEntries = "workflow.task_time_entries" as "Task time entries",
        QcPhotos = "quality.qc_photos" as "QC photos",
    }
}

crate::db_enum::db_enum! {
    /// What one run did about one policy (`retention_run_tables.action`).
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum RetentionAction: "retention action" {
        Removed = "REMOVED" as "Archived and removed",
        Review = "REVIEW" as "Kept: listed for review",
        Skipped = "SKIPPED" as "Skipped",
    }
}

/// What the job does with a table's rows past their period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disposal {
    /// Exported to the archive, then removed.
    Remove,
    /// Kept; counted and shown to a person.
    Review,
}

impl RetainedTable {
    pub fn disposal(self) -> Disposal {
        match self {
            Self::UserSessions | Self::LoginAttempts => Disposal::Remove,
            Self::Orders
            | Self::AuditLog
            | Self::FileAccessLog
            | Self::TaskTimeEntries
            | Self::QcPhotos => Disposal::Review,
        }
    }
}

/// The shortest period a policy may set. Sign-in throttling reads the last
/// hour of attempts and people ask about last month's sessions: a period
/// typed as `0` or `3` would remove what is still in use.
pub const MIN_DAYS: i32 = 30;

/// A policy the job can apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub table: RetainedTable,
    pub days: i32,
}

/// Why a policy row is skipped: what the admin screen says about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyProblem {
    #[error("{0} is not a table the retention job knows; nothing was done with it.")]
    UnknownTable(String),
    #[error(
        "a period of {days} days is shorter than the {MIN_DAYS} days allowed; nothing was done."
    )]
    TooShort { days: i32 },
}

impl Policy {
    /// Reads one `data_retention_policies` row.
    pub fn parse(schema: &str, table: &str, days: i32) -> Result<Self, PolicyProblem> {
        let name = format!("{schema}.{table}");
        let table = RetainedTable::parse(&name).map_err(|_| PolicyProblem::UnknownTable(name))?;
        if days < MIN_DAYS {
            return Err(PolicyProblem::TooShort { days });
        }
        Ok(Self { table, days })
    }

    /// Rows older than this are past their period at `now`.
    pub fn cutoff(self, now: DateTime<Utc>) -> DateTime<Utc> {
        now - Duration::days(i64::from(self.days))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DbEnum;
    use chrono::TimeZone;

    fn noon_on_2026_12_02() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 2, 12, 0, 0).unwrap()
    }

    #[test]
    fn only_sessions_and_sign_in_attempts_are_ever_removed() {
        let removed: Vec<_> = RetainedTable::ALL
            .iter()
            .filter(|table| table.disposal() == Disposal::Remove)
            .map(|table| table.as_db_str())
            .collect();
        assert_eq!(removed, ["auth.user_sessions", "audit.login_attempts"]);
    }

    #[test]
    fn regulated_records_are_only_listed_for_review() {
        for name in [
            "orders.orders",
            "audit.audit_log",
            "quality.qc_photos",
            "workflow.task_time_entries",
            "files.file_access_log",
        ] {
            let table = RetainedTable::parse(name).unwrap();
            assert_eq!(table.disposal(), Disposal::Review, "{name}");
        }
    }

    #[test]
    fn a_policy_naming_an_unknown_table_is_skipped_with_its_name() {
        assert_eq!(
            Policy::parse("orders", "order_items", 365),
            Err(PolicyProblem::UnknownTable("orders.order_items".into()))
        );
        assert!(Policy::parse("AUTH", "user_sessions", 90).is_err());
    }

    #[test]
    fn a_period_shorter_than_the_minimum_is_refused() {
        assert_eq!(
            Policy::parse("audit", "login_attempts", 0),
            Err(PolicyProblem::TooShort { days: 0 })
        );
        assert_eq!(
            Policy::parse("auth", "user_sessions", MIN_DAYS - 1),
            Err(PolicyProblem::TooShort { days: MIN_DAYS - 1 })
        );
        assert!(Policy::parse("auth", "user_sessions", MIN_DAYS).is_ok());
    }

    #[test]
    fn the_cutoff_is_the_period_before_now() {
        let policy = Policy::parse("auth", "user_sessions", 90).unwrap();
        assert_eq!(
            policy.cutoff(noon_on_2026_12_02()),
            Utc.with_ymd_and_hms(2026, 9, 3, 12, 0, 0).unwrap()
        );
    }
}
