//! When a dependency lets its successor start or complete. Each dependency
//! waits for one event of its predecessor (its start or its finish) and
//! holds back one event of its successor (its start or its completion);
//! the lag is added to the predecessor's event, so the successor may go
//! once `now ≥ event + lag`.
//!
//! The predecessor's status says whether its event happened; its stamp
//! only measures the lag. So a cancelled predecessor never holds anything
//! back, a predecessor that was started and put back keeps its start, and
//! a finished one whose stamp is missing counts as finished long ago. A
//! negative lag (a lead) lets the successor go that much before `event +
//! 0`, but the board does not forecast: until the event has happened its
//! time is unknown, so a lead is honoured only once the event is in the
//! past — which is when it can be checked at all.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::{DependencyType, TaskStatus};

/// How a successor waits for one predecessor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dependency {
    pub kind: DependencyType,
    /// Minutes after the predecessor's event; negative is a lead.
    pub lag_minutes: i32,
}

/// Where a predecessor stands, as its row says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PredecessorTimes {
    pub status: TaskStatus,
    pub started_at: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
}

/// A successor's event a dependency may hold back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Gate {
    Start,
    Complete,
}

/// Why a dependency holds its successor back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Wait {
    /// The predecessor has not started (or not finished) yet: no time is
    /// known.
    ForEvent,
    /// The event happened; the lag runs until then.
    Until(DateTime<Utc>),
}

/// A predecessor's event, as the dependency waits for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Event {
    Started,
    Finished,
}

impl Dependency {
    /// The successor's event this dependency holds back.
    pub fn gate(self) -> Gate {
        match self.kind {
            DependencyType::FinishToStart | DependencyType::StartToStart => Gate::Start,
            DependencyType::FinishToFinish | DependencyType::StartToFinish => Gate::Complete,
        }
    }

    /// Whether the predecessor's finish (rather than its start) is awaited.
    pub fn waits_for_finish(self) -> bool {
        self.event() == Event::Finished
    }

    fn event(self) -> Event {
        match self.kind {
            DependencyType::FinishToStart | DependencyType::FinishToFinish => Event::Finished,
            DependencyType::StartToStart | DependencyType::StartToFinish => Event::Started,
        }
    }

    /// `Ok` when the successor's `gate` event may happen at `now`; a
    /// dependency that holds back the other event never refuses.
    pub fn allows(
        self,
        gate: Gate,
        predecessor: &PredecessorTimes,
        now: DateTime<Utc>,
    ) -> Result<(), Wait> {
        if gate != self.gate() || predecessor.status == TaskStatus::Cancelled {
            return Ok(());
        }
        let happened = predecessor.event_at(self.event()).ok_or(Wait::ForEvent)?;
        match happened.map(|at| at + Duration::minutes(self.lag_minutes.into())) {
            Some(until) if now < until => Err(Wait::Until(until)),
            _ => Ok(()),
        }
    }

    /// Whether the successor may start at `now`.
    pub fn allows_start(
        self,
        predecessor: &PredecessorTimes,
        now: DateTime<Utc>,
    ) -> Result<(), Wait> {
        self.allows(Gate::Start, predecessor, now)
    }

    /// Whether the successor may complete at `now`.
    pub fn allows_completion(
        self,
        predecessor: &PredecessorTimes,
        now: DateTime<Utc>,
    ) -> Result<(), Wait> {
        self.allows(Gate::Complete, predecessor, now)
    }
}

impl PredecessorTimes {
    /// `None` when the event has not happened; `Some(None)` when it has
    /// but its stamp is missing.
    fn event_at(&self, event: Event) -> Option<Option<DateTime<Utc>>> {
        match event {
            Event::Started => {
                let started = self.started_at.is_some()
                    || matches!(self.status, TaskStatus::InProgress | TaskStatus::Completed);
                started.then_some(self.started_at.or(self.completed_at))
            }
            Event::Finished => (self.status == TaskStatus::Completed).then_some(self.completed_at),
        }
    }
}
