//! What the task pages receive. Compiled for both targets: no SQL here.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use torvan::workflow::{
    DependencyType, TaskNumber, TaskPriority, TaskStatus, TaskType, WorkCenterCode,
};
use torvan::{BuildNumber, OrderNumber};

/// One task as its page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskDetail {
    pub number: TaskNumber,
    pub title: String,
    pub task_type: TaskType,
    pub status: TaskStatus,
    pub priority: TaskPriority,
    /// Raised by every change: a move names the version it was made from.
    pub version: i32,
    pub order_number: OrderNumber,
    pub build_number: BuildNumber,
    pub family: String,
    pub work_center: WorkCenterCode,
    pub work_center_name: String,
    pub assignee: Option<String>,
    pub estimated_minutes: i32,
    /// Minutes recorded against the task, a running timer up to now.
    pub actual_minutes: i64,
    pub due: Option<DateTime<Utc>>,
    pub started_at: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
    pub instructions: String,
    pub tools: Vec<String>,
    pub skills: Vec<String>,
    pub inspection_required: bool,
    pub approval_required: bool,
    /// Who approved it and when, once approved.
    pub approved: Option<(String, DateTime<Utc>)>,
    pub hold_reason: Option<String>,
    /// What the task waits for.
    pub predecessors: Vec<LinkedTask>,
    /// What waits for the task.
    pub successors: Vec<LinkedTask>,
    pub materials: Vec<TaskMaterial>,
}

/// A task at the other end of a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedTask {
    pub number: TaskNumber,
    pub title: String,
    pub status: TaskStatus,
    pub dependency: DependencyType,
    pub lag_minutes: i32,
}

/// A part the task consumes, and how much of it has been through the
/// stock ledger for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskMaterial {
    pub part_number: String,
    pub name: String,
    pub required: Decimal,
    pub issued: Decimal,
    pub consumed: Decimal,
    pub returned: Decimal,
}
