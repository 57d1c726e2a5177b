//! The shop floor's rules as a shift would meet them, on one build's tasks
//! (`TB-2026-0106-01-1-…`) and a clock counted in minutes from 08:00.

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::{
    Dependency, DependencyType, MovingTask, Predecessor, PredecessorTimes, StepCode, TaskNumber,
    TaskStatus,
};
use crate::BuildNumber;

mod access;
mod dependencies;
mod moving;
mod properties;
mod refusals;
mod timers;

/// `minutes` after 08:00 on the day of the build.
pub(super) fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 8, 0, 0).unwrap() + Duration::minutes(minutes)
}

/// The build's task at step `step`, e.g. `"030"`.
pub(super) fn number(step: &str) -> TaskNumber {
    let build = BuildNumber::parse("TB-2026-0106-01-1").unwrap();
    TaskNumber::of(&build, &StepCode::parse(step).unwrap())
}

pub(super) fn dependency(kind: DependencyType, lag_minutes: i32) -> Dependency {
    Dependency { kind, lag_minutes }
}

pub(super) fn pending() -> PredecessorTimes {
    PredecessorTimes {
        status: TaskStatus::Pending,
        started_at: None,
        completed_at: None,
    }
}

/// Started `started` minutes after 08:00, still in progress.
pub(super) fn started(started: i64) -> PredecessorTimes {
    PredecessorTimes {
        status: TaskStatus::InProgress,
        started_at: Some(at(started)),
        completed_at: None,
    }
}

/// Started at 08:00, done `finished` minutes later.
pub(super) fn finished(finished: i64) -> PredecessorTimes {
    PredecessorTimes {
        status: TaskStatus::Completed,
        started_at: Some(at(0)),
        completed_at: Some(at(finished)),
    }
}

pub(super) fn cancelled() -> PredecessorTimes {
    PredecessorTimes {
        status: TaskStatus::Cancelled,
        ..pending()
    }
}

/// Step 030, "Weld basins", the usual predecessor.
pub(super) fn weld_basins(kind: DependencyType, lag: i32, times: PredecessorTimes) -> Predecessor {
    Predecessor {
        number: number("030"),
        title: "Weld basins".to_owned(),
        dependency: dependency(kind, lag),
        times,
    }
}

/// Step 040, "Fit faucet", at version 3, never started, no approval asked.
pub(super) fn fit_faucet(status: TaskStatus) -> MovingTask {
    MovingTask {
        number: number("040"),
        title: "Fit faucet".to_owned(),
        status,
        version: 3,
        started_at: None,
        approval_required: false,
        approved: false,
    }
}
