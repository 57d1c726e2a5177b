//! A sink family's route: the steps every build of the family goes through
//! on the shop floor, as an admin writes them and as the shop uses them.
//! Each step says when it applies (a condition in the rule language the BOM
//! templates use, `legs.type = 'ELECTRIC'`), how long it takes (a formula,
//! `30 + basin_count * 20`), where it is done, and which steps it waits for.
//!
//! A `RouteDraft` is the editor's text; `check_route` reads it into a
//! `Route` or reports every problem at its field, in the browser as the
//! admin types and again on the server before saving. A `Route` is always
//! sound: codes are unique, every predecessor is a step of the route, the
//! steps form no cycle and one step takes the BOM lines that name none.
//! `plan` works a route out for one build's configuration.

mod check;
mod draft;
mod plan;

#[cfg(test)]
mod tests;

pub use check::{MAX_STEPS, check_route, read_route, step_field};
pub use draft::{PredecessorDraft, RouteDraft, RouteStepDraft};
pub use plan::{PlanFailure, PlannedStep, plan};

use super::{DependencyType, StepCode, TaskType, WorkCenterCode};
use crate::rule_language::{Condition, Formula};

/// A step waits for `step` as `dependency` says, `lag_minutes` after it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Predecessor {
    pub step: StepCode,
    pub dependency: DependencyType,
    pub lag_minutes: i32,
}

/// One step of a checked route.
#[derive(Debug, Clone, PartialEq)]
pub struct RouteStep {
    pub code: StepCode,
    pub title: String,
    pub task_type: TaskType,
    pub work_center: WorkCenterCode,
    /// `None`: every build needs the step.
    pub condition: Option<Condition>,
    /// Minutes, for the build's configuration.
    pub estimate: Formula,
    pub instructions: String,
    pub tools: Vec<String>,
    pub skills: Vec<String>,
    pub inspection_required: bool,
    pub approval_required: bool,
    pub takes_unassigned_materials: bool,
    pub predecessors: Vec<Predecessor>,
}

/// A checked route, its steps in route order.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    steps: Vec<RouteStep>,
}

impl Route {
    pub fn steps(&self) -> &[RouteStep] {
        &self.steps
    }

    /// The step BOM lines that name no step are consumed at.
    pub fn material_step(&self) -> &StepCode {
        &self
            .steps
            .iter()
            .find(|step| step.takes_unassigned_materials)
            .expect("a checked route has one material step")
            .code
    }
}
