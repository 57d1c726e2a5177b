//! The board's move check: whether a card may go to another column now,
//! and what the move writes. The server runs it on every move, inside the
//! transaction that writes the plan, and the card runs `blocker` with the
//! same dependency rule, so a card never looks free while its move would
//! be refused (or the other way round).
//!
//! The moves, among the board's four columns:
//! - To do → In progress starts the task; → Done must pass the start and
//!   the completion checks (a drag straight across); → On hold needs a
//!   reason and starts nothing.
//! - In progress → Done completes it; → On hold (with a reason); → To do
//!   puts it back (its first start is kept: it did start).
//! - On hold → In progress resumes (the start checks again); → To do.
//!   A held task is resumed before it is done, so its reason is not lost
//!   by a stray drag.
//! - Done → In progress reopens it and clears its completion; a Done task
//!   goes nowhere else. Reopening does not touch successors that already
//!   started: each move checks only the task moved, so a successor meets
//!   the reopened predecessor at its own next move.
//! - Nothing is cancelled from the board, nor moved out of Cancelled, and
//!   a drop on its own column is refused.
//!
//! Every move into In progress runs the start checks, so no task is ever
//! put in progress while a finish-to-start predecessor is unfinished. The
//! version the board saw must be the task's version, checked first: a move
//! from a stale board is refused, never applied to a card that changed.
//! The writer raises the version and writes only `WHERE version = seen`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::dependency::{Dependency, Gate, PredecessorTimes, Wait};
use super::{MoveRefusal, TaskNumber, TaskStatus};
use crate::text::limited;

/// The most characters a hold reason holds.
pub const HOLD_REASON_LIMIT: usize = 500;

/// The task being moved, as its row says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MovingTask {
    pub number: TaskNumber,
    pub title: String,
    pub status: TaskStatus,
    pub version: i32,
    pub started_at: Option<DateTime<Utc>>,
    pub approval_required: bool,
    pub approved: bool,
}

/// One predecessor of a task, with how the task waits for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Predecessor {
    pub number: TaskNumber,
    pub title: String,
    pub dependency: Dependency,
    pub times: PredecessorTimes,
}

/// What an allowed move writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MovePlan {
    pub status: TaskStatus,
    /// `Some(now)` on the task's first start; `None` leaves `started_at`.
    pub started_at: Option<DateTime<Utc>>,
    pub completed_at: Completion,
    /// The `hold_reason` column's new value: the reason on hold, else none.
    pub hold_reason: Option<String>,
}

/// What a move does to `completed_at`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Completion {
    Keep,
    Set(DateTime<Utc>),
    Clear,
}

/// The predecessor that holds a task back, for the card and the refusal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Blocker {
    pub number: TaskNumber,
    pub title: String,
    pub dependency: Dependency,
    pub wait: Wait,
}

impl Blocker {
    /// The card's line: "blocked by TB-2026-0106-01-1-030 Weld basins".
    pub fn label(&self) -> String {
        format!("blocked by {} {}", self.number, self.title)
    }
}

/// Whether the move asked for is already made: the card stands in `to`
/// at a later version than the board that sent it saw. That is the same
/// move sent again (a tablet's offline queue replaying a move whose first
/// answer was lost) or someone else's identical move; either way the card
/// is where the person wants it, so there is nothing to write and nothing
/// to refuse.
pub fn already_made(task: &MovingTask, to: TaskStatus, seen_version: i32) -> bool {
    task.status == to && task.version > seen_version
}

/// Checks moving `task` to the column `to` at `now`, seen by the board at
/// `seen_version`, with its predecessors and the hold reason typed (if any).
pub fn check_move(
    task: &MovingTask,
    to: TaskStatus,
    seen_version: i32,
    predecessors: &[Predecessor],
    hold_reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<MovePlan, MoveRefusal> {
    use TaskStatus::*;
    if task.version != seen_version {
        return Err(MoveRefusal::Stale {
            number: task.number.clone(),
            now: task.status,
        });
    }
    let allowed = matches!(
        (task.status, to),
        (Pending, InProgress | Completed | OnHold)
            | (InProgress, Completed | OnHold | Pending)
            | (OnHold, InProgress | Pending)
            | (Completed, InProgress)
    );
    if !allowed {
        return Err(MoveRefusal::Pointless {
            number: task.number.clone(),
            from: task.status,
            to,
        });
    }
    let hold_reason = if to == OnHold {
        Some(reason(&task.number, hold_reason)?)
    } else {
        None
    };
    let starts = to == InProgress || (to == Completed && task.status == Pending);
    let gates = [(starts, Gate::Start), (to == Completed, Gate::Complete)];
    for gate in gates
        .into_iter()
        .filter_map(|(applies, gate)| applies.then_some(gate))
    {
        if let Some(blocker) = first_blocker(predecessors, gate, now) {
            return Err(MoveRefusal::Blocked { gate, blocker });
        }
    }
    if to == Completed && task.approval_required && !task.approved {
        return Err(MoveRefusal::NeedsApproval {
            number: task.number.clone(),
            title: task.title.clone(),
        });
    }
    Ok(MovePlan {
        status: to,
        started_at: (starts && task.started_at.is_none()).then_some(now),
        completed_at: match to {
            Completed => Completion::Set(now),
            _ if task.status == Completed => Completion::Clear,
            _ => Completion::Keep,
        },
        hold_reason,
    })
}

/// What holds a card in `status` back from its next step at `now`: its
/// start while it waits (To do, On hold), its completion in progress.
pub fn blocker(
    status: TaskStatus,
    predecessors: &[Predecessor],
    now: DateTime<Utc>,
) -> Option<Blocker> {
    let gate = match status {
        TaskStatus::Pending | TaskStatus::OnHold => Gate::Start,
        TaskStatus::InProgress => Gate::Complete,
        TaskStatus::Completed | TaskStatus::Cancelled => return None,
    };
    first_blocker(predecessors, gate, now)
}

fn first_blocker(predecessors: &[Predecessor], gate: Gate, now: DateTime<Utc>) -> Option<Blocker> {
    predecessors.iter().find_map(|predecessor| {
        let wait = predecessor
            .dependency
            .allows(gate, &predecessor.times, now)
            .err()?;
        Some(Blocker {
            number: predecessor.number.clone(),
            title: predecessor.title.clone(),
            dependency: predecessor.dependency,
            wait,
        })
    })
}

fn reason(number: &TaskNumber, typed: Option<&str>) -> Result<String, MoveRefusal> {
    limited(typed.unwrap_or_default(), HOLD_REASON_LIMIT)
        .map_err(|message| MoveRefusal::HoldReason { message })?
        .ok_or_else(|| MoveRefusal::HoldReason {
            message: format!("Say why {number} is on hold: the next person reads it on the card."),
        })
}
