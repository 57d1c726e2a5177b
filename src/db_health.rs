//! The periodic database health check's verdicts (issue #17): what each
//! reading of the database means for the people who run it. Connections
//! near the server's limit refuse the next sign-in; a transaction open for
//! long holds back vacuum and locks; a replica far behind loses data on a
//! failover. The size is reported, never judged: only its trend matters.

use crate::number::grouped;

crate::db_enum::db_enum! {
    /// What one health check looks at (`database_health_checks.check_type`).
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum HealthCheck: "health check" {
        Connections = "CONNECTIONS" as "Connections",
        DatabaseSize = "DATABASE_SIZE" as "Database size",
        LongestTransaction = "LONGEST_TRANSACTION" as "Longest open transaction",
        ReplicationLag = "REPLICATION_LAG" as "Replication lag",
    }
}

crate::db_enum::db_enum! {
    /// A check's verdict (`database_health_checks.check_result`).
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum HealthResult: "health result" {
        Pass = "PASS" as "Healthy",
        Warn = "WARN" as "Warning",
        Fail = "FAIL" as "Failing",
    }
}

/// One check's verdict and what a person reads about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub check: HealthCheck,
    pub result: HealthResult,
    pub message: String,
}

/// Connections in use warn from 80 % of the server's limit, fail from 95 %.
pub fn connections(in_use: i64, limit: i64) -> Verdict {
    let percent = if limit > 0 { in_use * 100 / limit } else { 100 };
    let result = match percent {
        95.. => HealthResult::Fail,
        80.. => HealthResult::Warn,
        _ => HealthResult::Pass,
    };
    Verdict {
        check: HealthCheck::Connections,
        result,
        message: format!("{in_use} of {limit} connections in use ({percent} %)."),
    }
}

/// The database's size on disk, reported in MB.
pub fn database_size(bytes: i64) -> Verdict {
    Verdict {
        check: HealthCheck::DatabaseSize,
        result: HealthResult::Pass,
        message: format!("{} MB on disk.", grouped(bytes / 1_000_000)),
    }
}

/// The oldest open transaction warns from 5 minutes, fails from an hour.
pub fn longest_transaction(seconds: Option<i64>) -> Verdict {
    let check = HealthCheck::LongestTransaction;
    let Some(seconds) = seconds else {
        return Verdict {
            check,
            result: HealthResult::Pass,
            message: "No other transaction is open.".to_owned(),
        };
    };
    let result = match seconds {
        3_600.. => HealthResult::Fail,
        300.. => HealthResult::Warn,
        _ => HealthResult::Pass,
    };
    Verdict {
        check,
        result,
        message: format!(
            "The oldest open transaction began {} ago.",
            duration(seconds)
        ),
    }
}

/// The furthest replica's replay lag warns from a minute, fails from ten;
/// a database without replicas passes and says so.
pub fn replication_lag(replicas: i64, lag_seconds: Option<i64>) -> Verdict {
    let check = HealthCheck::ReplicationLag;
    if replicas == 0 {
        return Verdict {
            check,
            result: HealthResult::Pass,
            message: "No replicas.".to_owned(),
        };
    }
    let lag = lag_seconds.unwrap_or(0);
    let result = match lag {
        600.. => HealthResult::Fail,
        60.. => HealthResult::Warn,
        _ => HealthResult::Pass,
    };
    Verdict {
        check,
        result,
        message: format!(
            "{replicas} replicas; the furthest is {} behind.",
            duration(lag)
        ),
    }
}

/// Seconds as a person says them: "45 s", "12 min", "3 h 5 min".
fn duration(seconds: i64) -> String {
    match seconds {
        ..60 => format!("{} s", seconds.max(0)),
        60..3_600 => format!("{} min", seconds / 60),
        _ => format!("{} h {} min", seconds / 3_600, seconds % 3_600 / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_warn_from_four_fifths_of_the_limit_and_fail_near_it() {
        assert_eq!(connections(79, 100).result, HealthResult::Pass);
        assert_eq!(connections(80, 100).result, HealthResult::Warn);
        assert_eq!(connections(95, 100).result, HealthResult::Fail);
        assert_eq!(
            connections(12, 100).message,
            "12 of 100 connections in use (12 %)."
        );
    }

    #[test]
    fn a_transaction_open_for_minutes_warns_and_for_an_hour_fails() {
        assert_eq!(longest_transaction(None).result, HealthResult::Pass);
        assert_eq!(longest_transaction(Some(299)).result, HealthResult::Pass);
        assert_eq!(longest_transaction(Some(300)).result, HealthResult::Warn);
        let hour = longest_transaction(Some(3_725));
        assert_eq!(
            (hour.result, hour.message.as_str()),
            (
                HealthResult::Fail,
                "The oldest open transaction began 1 h 2 min ago."
            )
        );
    }

    #[test]
    fn no_replica_passes_and_a_replica_far_behind_fails() {
        assert_eq!(replication_lag(0, None).message, "No replicas.");
        assert_eq!(replication_lag(1, Some(30)).result, HealthResult::Pass);
        assert_eq!(replication_lag(1, Some(60)).result, HealthResult::Warn);
        assert_eq!(replication_lag(2, Some(600)).result, HealthResult::Fail);
    }

    #[test]
    fn the_size_is_reported_and_never_judged() {
        let size = database_size(1_234_567_890);
        assert_eq!(
            (size.result, size.message.as_str()),
            (HealthResult::Pass, "1,234 MB on disk.")
        );
    }
}
