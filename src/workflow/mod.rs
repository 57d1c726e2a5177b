//! The shop floor's vocabulary: what a task is (its status, type and
//! priority), how tasks depend on each other, what a timer records, and the
//! numbers people read on a card (work center, step code, task number).
//! Every value the database stores as text is parsed here at the edge.
//! The rules the board runs (dependencies, moves, timers, who may do what)
//! are pure functions here, the clock passed in as `now`, so the server and
//! the card compiled to WASM run the same ones.

mod access;
mod dependency;
mod materials;
mod moves;
mod numbers;
mod refusal;
pub mod route;
mod timer;
mod totals;

#[cfg(test)]
mod tests;

pub use access::{Actor, TaskAccess, may_assign, may_take, may_work_on, sees};
pub use dependency::{Dependency, Gate, PredecessorTimes, Wait};
pub use materials::{
    IssuePlan, MaterialAction, MaterialLine, QUANTITY, Supply, may_handle, parse_consumed,
    parse_units,
};
pub use moves::{
    Blocker, Completion, HOLD_REASON_LIMIT, MovePlan, MovingTask, Predecessor, already_made,
    blocker, check_move,
};
pub use numbers::{MalformedCode, StepCode, TaskNumber, WorkCenterCode};
pub use refusal::MoveRefusal;
pub use timer::{
    MAX_ENTRY_HOURS, MAX_KEPT_HOURS, ManualEntry, ManualEntryDraft, NOTE_LIMIT, Running, Span,
    Stopped, TimerStart, minutes_between, start_timer, stop_timer, tapped_at,
};
pub use totals::{Totals, Variance};

use crate::OrderPriority;

crate::db_enum::db_enum! {
    /// Where a task stands; the board's columns are the first four.
    #[derive(PartialOrd, Ord)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum TaskStatus: "task status" {
        Pending = "PENDING" as "To do",
        InProgress = "IN_PROGRESS" as "In progress",
        OnHold = "ON_HOLD" as "On hold",
        Completed = "COMPLETED" as "Done",
        Cancelled = "CANCELLED" as "Cancelled",
    }
}

impl TaskStatus {
    /// The board's columns, left to right.
    pub const COLUMNS: [TaskStatus; 4] = [
        Self::Pending,
        Self::InProgress,
        Self::OnHold,
        Self::Completed,
    ];
}

crate::db_enum::db_enum! {
    /// What kind of work a task is.
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum TaskType: "task type" {
        Assembly = "ASSEMBLY" as "Assembly",
        Inspection = "INSPECTION" as "Inspection",
        Packaging = "PACKAGING" as "Packaging",
        Shipping = "SHIPPING" as "Shipping",
        Documentation = "DOCUMENTATION" as "Documentation",
        Qc = "QC" as "Quality control",
    }
}

impl TaskType {
    /// Whether the task makes the sink, as opposed to inspecting, packing or
    /// shipping it: an order goes to pre-QC once its production tasks are done.
    pub fn is_production(self) -> bool {
        self == Self::Assembly
    }
}

crate::db_enum::db_enum! {
    /// How urgent a task is, least urgent first.
    #[derive(PartialOrd, Ord)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum TaskPriority: "task priority" {
        Low = "LOW" as "Low",
        Medium = "MEDIUM" as "Medium",
        High = "HIGH" as "High",
        Urgent = "URGENT" as "Urgent",
    }
}

impl TaskPriority {
    /// A task is as urgent as its order.
    pub fn of_order(priority: OrderPriority) -> Self {
        match priority {
            OrderPriority::Standard => Self::Medium,
            OrderPriority::Rush => Self::High,
            OrderPriority::Emergency => Self::Urgent,
        }
    }
}

crate::db_enum::db_enum! {
    /// How a successor waits for its predecessor (the lag is added to the
    /// predecessor's event): finish→start, start→start, finish→finish,
    /// start→finish.
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum DependencyType: "dependency type" {
        FinishToStart = "FINISH_TO_START" as "Finish to start",
        StartToStart = "START_TO_START" as "Start to start",
        FinishToFinish = "FINISH_TO_FINISH" as "Finish to finish",
        StartToFinish = "START_TO_FINISH" as "Start to finish",
    }
}

crate::db_enum::db_enum! {
    /// What time on a task was spent on.
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum ActivityType: "activity type" {
        Setup = "SETUP" as "Set-up",
        Work = "WORK" as "Work",
        Rework = "REWORK" as "Rework",
        Wait = "WAIT" as "Waiting",
    }
}
