//! Time on tasks: the one running timer per person and manual entries
//! (their totals against the estimate are in `totals`). The clock is the
//! caller's.
//!
//! A timer's minutes are whole minutes, rounded to the nearest (half a
//! minute rounds up), and a timer that ran at all counts at least one
//! minute, so a quick start-and-stop is still on the record; no time (or
//! a stop before the start, from a skewed clock) counts zero. A manual
//! entry is refused, at its field, when it ends before it starts, lies in
//! the future, runs over 16 hours or overlaps another entry of the same
//! person (a running one lasts until now): entries accepted here never
//! overlap, so a person's minutes are never counted twice.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::ActivityType;
use crate::text::limited;
use crate::{DbEnum, FieldError};

/// How long a tablet may keep a timer's start or stop unsent (offline)
/// and still have it recorded at the moment it was tapped, in hours.
pub const MAX_KEPT_HOURS: i64 = 12;

/// The longest manual entry, in hours.
pub const MAX_ENTRY_HOURS: i64 = 16;
/// The most characters an entry's note holds.
pub const NOTE_LIMIT: usize = 500;

/// When a timer's start or stop is recorded: the moment the person tapped
/// it on the tablet (`tapped`), sent late when the tablet was offline, or
/// the server's `now` when no moment was sent. A tablet's clock ahead of
/// the server's is not believed past `now`; a moment before the running
/// timer's start (`after`) is that start, so entries never overlap; a
/// moment older than `MAX_KEPT_HOURS` is refused: the time is then entered
/// by hand, where it is checked against the person's other entries.
pub fn tapped_at(
    tapped: Option<DateTime<Utc>>,
    after: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, String> {
    let Some(tapped) = tapped else {
        return Ok(now);
    };
    if tapped < now - Duration::hours(MAX_KEPT_HOURS) {
        return Err(format!(
            "This timer tap waited more than {MAX_KEPT_HOURS} hours to be sent; enter the time by hand instead."
        ));
    }
    let at = tapped.min(now);
    Ok(after.map_or(at, |after| at.max(after)))
}

/// A span of recorded time; `end: None` is a timer still running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: DateTime<Utc>,
    pub end: Option<DateTime<Utc>>,
}

impl Span {
    /// The span's end, a running one's being `now`.
    pub fn end_or(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        self.end.unwrap_or(now)
    }

    /// Its minutes, a running one's until `now`.
    pub fn minutes(&self, now: DateTime<Utc>) -> i64 {
        minutes_between(self.start, self.end_or(now))
    }
}

/// Whole minutes from `start` to `end`: rounded to the nearest, at least
/// one when any time passed, zero when none did.
pub fn minutes_between(start: DateTime<Utc>, end: DateTime<Utc>) -> i64 {
    let seconds = (end - start).num_seconds();
    if seconds <= 0 {
        0
    } else {
        ((seconds + 30) / 60).max(1)
    }
}

/// A person's running timer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Running {
    pub task: Uuid,
    pub start: DateTime<Utc>,
}

/// A timer ended: what its entry's `end_time` and minutes become.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stopped {
    pub task: Uuid,
    pub end: DateTime<Utc>,
    pub minutes: i64,
}

/// What starting a timer does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimerStart {
    /// This task's timer already runs: nothing changes.
    AlreadyRunning,
    /// A timer starts at `now`, after the person's other one (if any) is
    /// paused at `now`.
    Start { pause: Option<Stopped> },
}

/// Starting a timer on `task` at `now` while `running` is the person's
/// running timer, if any: one person, one running timer.
pub fn start_timer(running: Option<&Running>, task: Uuid, now: DateTime<Utc>) -> TimerStart {
    match running {
        Some(running) if running.task == task => TimerStart::AlreadyRunning,
        other => TimerStart::Start {
            pause: other.map(|running| stop_timer(running, now)),
        },
    }
}

/// Stopping (or pausing) `running` at `now`; a skewed clock never ends it
/// before its start.
pub fn stop_timer(running: &Running, now: DateTime<Utc>) -> Stopped {
    let end = now.max(running.start);
    Stopped {
        task: running.task,
        end,
        minutes: minutes_between(running.start, end),
    }
}

/// A manual entry as typed; the edge reads each date-time field in the
/// shop's time zone and passes `None` for an empty one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ManualEntryDraft {
    pub task: Uuid,
    pub start: Option<DateTime<Utc>>,
    pub end: Option<DateTime<Utc>>,
    pub activity: String,
    pub note: String,
}

/// A manual entry that may be written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManualEntry {
    pub task: Uuid,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub minutes: i64,
    pub activity: ActivityType,
    pub note: Option<String>,
}

impl ManualEntryDraft {
    /// The entry at `now`, given the person's other entries; every
    /// refusal at its field.
    pub fn parse(
        &self,
        others: &[Span],
        now: DateTime<Utc>,
    ) -> Result<ManualEntry, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut refuse = |field: &str, message: &str| errors.push(FieldError::new(field, message));
        let start = self.start.or_else(|| {
            refuse("start", "Enter when the work started.");
            None
        });
        let end = self.end.or_else(|| {
            refuse("end", "Enter when the work ended.");
            None
        });
        if start.is_some_and(|start| start > now) {
            refuse(
                "start",
                "The start is in the future; record time already worked.",
            );
        }
        if end.is_some_and(|end| end > now) {
            refuse(
                "end",
                "The end is in the future; record time already worked.",
            );
        }
        if let (Some(start), Some(end)) = (start, end) {
            if end <= start {
                refuse("end", "The end must be after the start.");
            } else if end - start > Duration::hours(MAX_ENTRY_HOURS) {
                refuse(
                    "end",
                    &format!("An entry is at most {MAX_ENTRY_HOURS} hours; split a longer one."),
                );
            } else if let Some(other) = others
                .iter()
                .find(|other| other.start < end && start < other.end_or(now))
            {
                let what = if other.end.is_none() {
                    "your running timer"
                } else {
                    "time you already recorded"
                };
                refuse(
                    "start",
                    &format!("This overlaps {what}; change the start or the end."),
                );
            }
        }
        let activity = match self.activity.trim() {
            "" => {
                refuse("activity", "Choose what the time was spent on.");
                None
            }
            typed => ActivityType::parse(typed)
                .map_err(|_| refuse("activity", "Choose set-up, work, rework or waiting."))
                .ok(),
        };
        let note = limited(&self.note, NOTE_LIMIT)
            .map_err(|message| refuse("note", &message))
            .ok()
            .flatten();
        match (start, end, activity) {
            (Some(start), Some(end), Some(activity)) if errors.is_empty() => Ok(ManualEntry {
                task: self.task,
                start,
                end,
                minutes: minutes_between(start, end),
                activity,
                note,
            }),
            _ => Err(errors),
        }
    }
}
