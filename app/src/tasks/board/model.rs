//! What a board receives. Compiled for both targets: no SQL here.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use torvan::workflow::{MovingTask, TaskNumber, TaskPriority, TaskStatus, check_move};
use torvan::{BuildNumber, OrderNumber};
use uuid::Uuid;

/// Which board: a work center's, an order's, or the signed-in user's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum BoardScope {
    WorkCenter(String),
    Order(String),
    Mine,
}

/// The board's filters, as the filter form's GET parameters carry them
/// (text, parsed by the server at the edge; an empty field is no filter).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardFilter {
    pub priority: Option<String>,
    /// `me`, `nobody`, or a user's id.
    pub assignee: Option<String>,
    /// `overdue`, or a date (`YYYY-MM-DD`): due before its end.
    pub due: Option<String>,
    pub order: Option<String>,
    pub family: Option<String>,
}

impl BoardFilter {
    /// The filter's (name, value) pairs for a link or a query string.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        [
            ("priority", &self.priority),
            ("assignee", &self.assignee),
            ("due", &self.due),
            ("order", &self.order),
            ("family", &self.family),
        ]
        .into_iter()
        .filter_map(|(name, value)| {
            value
                .as_deref()
                .filter(|value| !value.trim().is_empty())
                .map(|value| (name, value.to_owned()))
        })
        .collect()
    }
}

/// A work center as the board picker lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkCenterSummary {
    pub code: String,
    pub name: String,
    pub wip_limit: Option<i32>,
    /// Tasks not done yet.
    pub open: i64,
    pub in_progress: i64,
}

/// The `/boards` page: every work center, and the caller's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardHome {
    pub own: Option<String>,
    pub work_centers: Vec<WorkCenterSummary>,
}

/// One board: its cards, the server's clock (the cards' overdue marks and
/// blockers are as of it), and what the live channel should follow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Board {
    pub title: String,
    pub work_center: Option<WorkCenterSummary>,
    /// The order's id, for an order's board: the live channel's filter.
    pub order_id: Option<Uuid>,
    pub now: DateTime<Utc>,
    pub cards: Vec<BoardCard>,
    /// The caller may move cards on this board (the role table; each move
    /// is still checked for the task it moves).
    pub may_move: bool,
}

impl Board {
    /// The board as this device shows it: each card with a move waiting to
    /// be sent stands in the column it is going to, at the version that
    /// move will give it (each move raises it by one), so a second move
    /// made offline follows the first. The moved cards' numbers.
    pub fn with_waiting_moves(&mut self, moves: &[(TaskNumber, TaskStatus)]) -> Vec<TaskNumber> {
        let mut moved = Vec::new();
        for (number, to) in moves {
            if let Some(card) = self.cards.iter_mut().find(|card| &card.number == number) {
                card.status = *to;
                card.version += 1;
                moved.push(number.clone());
            }
        }
        moved
    }

    /// The cards in one column, in the board's order.
    pub fn column(&self, status: TaskStatus) -> impl Iterator<Item = &BoardCard> {
        self.cards.iter().filter(move |card| card.status == status)
    }

    /// Whether the In progress column holds more than the work center's limit.
    pub fn over_wip_limit(&self) -> bool {
        let limit = self
            .work_center
            .as_ref()
            .and_then(|center| center.wip_limit);
        limit.is_some_and(|limit| self.column(TaskStatus::InProgress).count() > limit as usize)
    }
}

/// One task's card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardCard {
    pub number: TaskNumber,
    pub title: String,
    pub build_number: BuildNumber,
    pub order_number: OrderNumber,
    pub work_center: String,
    pub status: TaskStatus,
    pub priority: TaskPriority,
    pub version: i32,
    pub assignee: Option<String>,
    pub due: Option<DateTime<Utc>>,
    pub estimated_minutes: i32,
    /// Minutes recorded, a running timer up to now.
    pub actual_minutes: i64,
    pub started_at: Option<DateTime<Utc>>,
    pub approval_required: bool,
    pub approved: bool,
    pub hold_reason: Option<String>,
    /// "blocked by TB-…-030 Weld basins", from the domain's `blocker`.
    pub blocked_by: Option<String>,
}

impl BoardCard {
    /// Due before `now` and not done.
    pub fn overdue(&self, now: DateTime<Utc>) -> bool {
        self.status != TaskStatus::Completed && self.due.is_some_and(|due| due < now)
    }

    /// The columns the card's "Move to…" menu offers: those the domain's
    /// move rule does not call pointless from here. Whether a predecessor
    /// or an approval still holds the move back is the server's answer.
    pub fn destinations(&self, now: DateTime<Utc>) -> Vec<TaskStatus> {
        let task = MovingTask {
            number: self.number.clone(),
            title: self.title.clone(),
            status: self.status,
            version: self.version,
            started_at: self.started_at,
            approval_required: false,
            approved: true,
        };
        TaskStatus::COLUMNS
            .into_iter()
            .filter(|to| {
                !matches!(
                    check_move(&task, *to, self.version, &[], Some("a reason"), now),
                    Err(torvan::workflow::MoveRefusal::Pointless { .. })
                )
            })
            .collect()
    }
}

/// A person a task may be given to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignable {
    pub id: Uuid,
    pub name: String,
    /// Stationed at the task's work center: listed first.
    pub at_work_center: bool,
}

/// One person's load, as the coordinator weighs who takes what next
/// (`workflow.user_workload`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workload {
    pub name: String,
    pub pending: i64,
    pub active: i64,
    pub remaining_minutes: i64,
}
