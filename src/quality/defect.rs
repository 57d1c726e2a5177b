//! A defect a failed check opens, and the way it is worked off: taken in
//! hand, resolved, closed after re-inspection, or waived by someone who
//! may sign off QC, with a reason. A critical defect holds its build until
//! it is closed or waived.

use serde::{Deserialize, Serialize};

use crate::{Action, DbEnum, Resource, Role, permits};
use DefectStatus::*;
use Role::*;

crate::db_enum::db_enum! {
    /// How bad a defect is, least first.
    #[derive(PartialOrd, Ord)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum Severity: "defect severity" {
        Minor = "MINOR" as "Minor",
        Major = "MAJOR" as "Major",
        Critical = "CRITICAL" as "Critical",
    }
}

crate::db_enum::db_enum! {
    /// Where a defect stands.
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum DefectStatus: "defect status" {
        Open = "OPEN" as "Open",
        InProgress = "IN_PROGRESS" as "In progress",
        Resolved = "RESOLVED" as "Resolved",
        Closed = "CLOSED" as "Closed",
        Waived = "WAIVED" as "Waived",
    }
}

/// Longest reason a waiver may carry.
pub const WAIVER_REASON_LIMIT: usize = 1000;

/// Every move but waiving, and who may make it: QC and admins work a
/// defect through, the production coordinator may take one in hand and
/// resolve it, and only QC closes it or reopens it when re-inspection
/// finds it again.
const MOVES: &[(DefectStatus, DefectStatus, &[Role])] = &[
    (Open, InProgress, &[QcPerson, ProductionCoordinator, Admin]),
    (
        InProgress,
        Resolved,
        &[QcPerson, ProductionCoordinator, Admin],
    ),
    (Resolved, Closed, &[QcPerson, Admin]),
    (Resolved, Open, &[QcPerson, Admin]),
];

/// Why a defect move is refused, in words for the person who asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum DefectRefusal {
    #[error("The defect is {} already: it cannot change any more.", .status.label().to_lowercase())]
    Final { status: DefectStatus },
    #[error("A defect cannot go from {} to {}.", .from.label().to_lowercase(), .to.label().to_lowercase())]
    NoSuchMove {
        from: DefectStatus,
        to: DefectStatus,
    },
    #[error("Your role may not move a defect from {} to {}.", .from.label().to_lowercase(), .to.label().to_lowercase())]
    NotYourRole {
        from: DefectStatus,
        to: DefectStatus,
    },
    #[error("Waiving a defect needs a reason.")]
    ReasonRequired,
    #[error("A waiver's reason has at most {WAIVER_REASON_LIMIT} characters.")]
    ReasonTooLong,
}

/// Checks `role` moving a defect from `from` to `to`; `reason` counts only
/// for a waiver, which must give one.
pub fn defect_move(
    from: DefectStatus,
    to: DefectStatus,
    role: Role,
    reason: Option<&str>,
) -> Result<(), DefectRefusal> {
    if matches!(from, Closed | Waived) {
        return Err(DefectRefusal::Final { status: from });
    }
    let roles_ok = if to == Waived {
        permits(role, Resource::Qc, Action::Approve)
    } else {
        let (_, _, roles) = MOVES
            .iter()
            .find(|&&(start, end, _)| start == from && end == to)
            .ok_or(DefectRefusal::NoSuchMove { from, to })?;
        roles.contains(&role)
    };
    if !roles_ok {
        return Err(DefectRefusal::NotYourRole { from, to });
    }
    if to == Waived {
        let reason = reason.unwrap_or_default();
        if reason.trim().is_empty() {
            return Err(DefectRefusal::ReasonRequired);
        }
        if reason.chars().count() > WAIVER_REASON_LIMIT {
            return Err(DefectRefusal::ReasonTooLong);
        }
    }
    Ok(())
}

/// The statuses `role` may move a defect in `from` to, waiving last.
pub fn defect_moves(role: Role, from: DefectStatus) -> Vec<DefectStatus> {
    DefectStatus::ALL
        .iter()
        .copied()
        .filter(|&to| defect_move(from, to, role, Some("offered")).is_ok())
        .collect()
}

/// Whether a defect of `severity` in `status` holds its build back: a
/// critical one, until it is closed or waived.
pub fn holds_build(severity: Severity, status: DefectStatus) -> bool {
    severity == Severity::Critical && !matches!(status, Closed | Waived)
}
