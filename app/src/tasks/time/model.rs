//! What the time views receive and the manual entry as typed. Compiled
//! for both targets: no SQL here.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use torvan::BuildNumber;
use torvan::workflow::{ActivityType, ManualEntryDraft, TaskNumber, Totals};
use uuid::Uuid;

/// A task's time as its page shows it to the viewer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskTime {
    /// The viewer may time this task and record time on it.
    pub may_work: bool,
    /// The viewer's running timer, on this task or another.
    pub running: Option<RunningTimer>,
    /// Newest first.
    pub entries: Vec<TimeEntry>,
    /// `None` when the task has no estimate.
    pub estimate: Option<i32>,
    /// Running timers counted up to when the page was read.
    pub totals: Totals,
}

/// A person's running timer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunningTimer {
    pub task: TaskNumber,
    pub activity: ActivityType,
    pub start: DateTime<Utc>,
    /// Seconds it had run when read: the browser counts on from here, so
    /// its own clock (often off on a tablet) never enters the display.
    pub elapsed_seconds: i64,
}

/// One recorded span of time on a task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeEntry {
    pub who: String,
    pub activity: ActivityType,
    pub start: DateTime<Utc>,
    /// `None` while the timer runs.
    pub end: Option<DateTime<Utc>>,
    pub minutes: i64,
    pub manual: bool,
    pub note: Option<String>,
}

/// A manual entry as the form sends it: the times as a `datetime-local`
/// input gives them, in UTC, the shop's clock on every page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeEntryForm {
    pub start: String,
    pub end: String,
    pub activity: String,
    pub note: String,
}

impl TimeEntryForm {
    /// The domain's draft for `task`: an empty or unreadable time is no
    /// time, which the domain refuses at its field.
    pub fn draft(&self, task: Uuid) -> ManualEntryDraft {
        ManualEntryDraft {
            task,
            start: at(&self.start),
            end: at(&self.end),
            activity: self.activity.clone(),
            note: self.note.clone(),
        }
    }
}

/// `2026-11-30T14:05` (seconds optional) read as UTC.
fn at(raw: &str) -> Option<DateTime<Utc>> {
    let raw = raw.trim();
    ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(raw, format).ok())
        .map(|local| local.and_utc())
}

/// An order's production: each unit's progress through its production
/// tasks, and its time and the order's, actual against estimate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderTime {
    pub builds: Vec<BuildTime>,
    pub total: Totals,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BuildTime {
    pub build: BuildNumber,
    pub totals: Totals,
    /// The unit's production tasks (`TaskType::is_production`), and how
    /// many of them are completed: all of them let the order go to pre-QC.
    pub production_tasks: u32,
    pub production_done: u32,
    /// The titles of the unit's tasks in progress, in route order.
    pub in_progress: Vec<String>,
}
