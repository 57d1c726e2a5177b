//! Why a board move is refused, and the refusal as an assembler at a
//! tablet reads it: which task, what holds it back, what to do next. The
//! check in `moves` decides; this module only words its answer.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::dependency::{Gate, Wait};
use super::moves::Blocker;
use super::{TaskNumber, TaskStatus};
use crate::plural::count;

/// Why a move is refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MoveRefusal {
    /// Someone changed the task after the board loaded it.
    Stale { number: TaskNumber, now: TaskStatus },
    /// A predecessor holds back the task's start or completion.
    Blocked { gate: Gate, blocker: Blocker },
    /// The task needs its approval before it is done.
    NeedsApproval { number: TaskNumber, title: String },
    /// A hold without a reason, or one too long.
    HoldReason { message: String },
    /// A move the board does not make.
    Pointless {
        number: TaskNumber,
        from: TaskStatus,
        to: TaskStatus,
    },
}

impl MoveRefusal {
    /// The refusal as an assembler at a tablet reads it.
    pub fn message(&self, now: DateTime<Utc>) -> String {
        match self {
            Self::Stale {
                number,
                now: status,
            } => format!(
                "{number} was changed by someone else since your board loaded; it is now {}. \
                 Your board has been refreshed — move it again if still needed.",
                status.label()
            ),
            Self::Blocked { gate, blocker } => blocked(*gate, blocker, now),
            Self::NeedsApproval { number, title } => format!(
                "Cannot complete: {number} “{title}” needs its approval first; ask for it to be approved."
            ),
            Self::HoldReason { message } => message.clone(),
            Self::Pointless { number, from, to } => pointless(number, *from, *to),
        }
    }
}

fn blocked(gate: Gate, blocker: &Blocker, now: DateTime<Utc>) -> String {
    let Blocker {
        number,
        title,
        dependency,
        wait,
    } = blocker;
    let verb = match gate {
        Gate::Start => "start",
        Gate::Complete => "complete",
    };
    let kind = dependency.kind.label().to_lowercase();
    let event = if dependency.waits_for_finish() {
        "finished"
    } else {
        "started"
    };
    match wait {
        Wait::ForEvent if dependency.waits_for_finish() => {
            format!("Cannot {verb}: {number} “{title}” is not finished yet ({kind}).")
        }
        Wait::ForEvent => {
            format!("Cannot {verb}: {number} “{title}” has not started yet ({kind}).")
        }
        Wait::Until(until) => {
            // Whole minutes, rounded up: "another 0 minutes" would invite a retry that fails.
            let left = count(
                ((*until - now).num_seconds().max(1) + 59) / 60,
                "minute",
                "minutes",
            );
            // Without a lag, only a stamp ahead of this clock (another
            // machine's) can still be waited for.
            let since = if dependency.lag_minutes > 0 {
                format!(
                    "less than {} ago",
                    count(dependency.lag_minutes, "minute", "minutes")
                )
            } else {
                "at a time this clock has not reached yet".to_owned()
            };
            format!(
                "Cannot {verb} for another {left}: {number} “{title}” {event} {since} ({kind})."
            )
        }
    }
}

fn pointless(number: &TaskNumber, from: TaskStatus, to: TaskStatus) -> String {
    use TaskStatus::*;
    match (from, to) {
        _ if from == to => format!("{number} is already in {}.", to.label()),
        (_, Cancelled) => format!(
            "{number} cannot be cancelled from the board; a coordinator cancels tasks with their build."
        ),
        (Cancelled, _) => format!("{number} is cancelled; it stays off the board."),
        (OnHold, _) => {
            format!("{number} is on hold: move it to In progress before marking it done.")
        }
        _ => format!("{number} is done: to reopen it, move it to In progress."),
    }
}
