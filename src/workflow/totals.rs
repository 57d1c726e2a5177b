//! Actual time against the estimate, for a task and for a set of tasks (a
//! build, an order). A task without an estimate adds its time to the
//! actual minutes only, and is counted, so a total never reads as "under"
//! merely because some tasks were never estimated without saying so.

use std::iter::Sum;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::timer::Span;

/// Actual minutes against the estimate, for a task or a set of tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Totals {
    /// The estimates that are known, added up.
    pub estimate: i64,
    pub actual: i64,
    /// Tasks without an estimate: their time is in `actual`, not `estimate`.
    pub unestimated: u32,
}

/// How actual time compares with the estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Variance {
    Over(i64),
    Under(i64),
    OnEstimate,
}

impl Totals {
    /// One task: its estimate (if any) and its entries until `now`.
    pub fn of_task(estimate: Option<i32>, entries: &[Span], now: DateTime<Utc>) -> Self {
        Self {
            estimate: estimate.map_or(0, i64::from),
            actual: entries.iter().map(|entry| entry.minutes(now)).sum(),
            unestimated: u32::from(estimate.is_none()),
        }
    }

    /// Actual minus estimate: positive is over.
    pub fn difference(&self) -> i64 {
        self.actual - self.estimate
    }

    pub fn variance(&self) -> Variance {
        match self.difference() {
            0 => Variance::OnEstimate,
            over if over > 0 => Variance::Over(over),
            under => Variance::Under(-under),
        }
    }
}

/// A build's or an order's totals: its tasks' added up.
impl Sum for Totals {
    fn sum<I: Iterator<Item = Self>>(tasks: I) -> Self {
        tasks.fold(Self::default(), |sum, task| Self {
            estimate: sum.estimate + task.estimate,
            actual: sum.actual + task.actual,
            unestimated: sum.unestimated + task.unestimated,
        })
    }
}
