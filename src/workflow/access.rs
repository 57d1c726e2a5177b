//! Who may do what to one task, beyond the role table: the table says a
//! role may update tasks at all (assemblers, coordinators, admins); these
//! say which tasks. Coordinators and admins run the whole floor; an
//! assembler works on the tasks given to them and those of their own work
//! center, and takes an unassigned one there; QC inspectors look at the
//! inspection tasks; every other role that may read tasks reads them all.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{TaskType, WorkCenterCode};
use crate::Role;
use crate::permissions::{Action, Resource, permits};

/// The person acting: their role, their id, and their station if they
/// have one (`auth.users.work_center`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub role: Role,
    pub user: Uuid,
    pub work_center: Option<WorkCenterCode>,
}

/// What access depends on in a task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskAccess {
    pub assigned_to: Option<Uuid>,
    pub work_center: WorkCenterCode,
    pub task_type: TaskType,
    pub inspection_required: bool,
}

impl Actor {
    fn runs_the_floor(&self) -> bool {
        matches!(self.role, Role::Admin | Role::ProductionCoordinator)
    }

    fn stationed_at(&self, work_center: &WorkCenterCode) -> bool {
        self.work_center.as_ref() == Some(work_center)
    }
}

impl TaskAccess {
    /// An inspection: its type says so, or its step asks for one.
    pub fn is_inspection(&self) -> bool {
        matches!(self.task_type, TaskType::Inspection | TaskType::Qc) || self.inspection_required
    }
}

/// Whether `actor` may move the task, time it and record time on it.
pub fn may_work_on(actor: &Actor, task: &TaskAccess) -> bool {
    actor.runs_the_floor()
        || (actor.role == Role::Assembler
            && (task.assigned_to == Some(actor.user) || actor.stationed_at(&task.work_center)))
}

/// Whether `actor` may take the task for themselves: an assembler, an
/// unassigned task, their work center.
pub fn may_take(actor: &Actor, task: &TaskAccess) -> bool {
    actor.role == Role::Assembler
        && task.assigned_to.is_none()
        && actor.stationed_at(&task.work_center)
}

/// Whether `actor` may give tasks to people.
pub fn may_assign(actor: &Actor) -> bool {
    actor.runs_the_floor()
}

/// Whether `actor` sees the task at all: a QC inspector only the
/// inspections, every other role as the role table lets it read tasks.
pub fn sees(actor: &Actor, task: &TaskAccess) -> bool {
    match actor.role {
        Role::QcPerson => task.is_inspection(),
        role => permits(role, Resource::Tasks, Action::Read),
    }
}
