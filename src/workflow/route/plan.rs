//! A route worked out for one build: the steps whose condition holds for
//! its configuration, each with its estimated minutes, and the links
//! between them. A step left out does not cut its successors loose: they
//! wait, with their own link type and lag, for what the left-out step
//! waited for (plumbing after the pegboard, when there is no pegboard,
//! waits for the basins' mounting).

use std::collections::BTreeMap;

use rust_decimal::prelude::ToPrimitive;

use super::{Predecessor, Route, RouteStep};
use crate::rule_language::{RuleError, Variables};
use crate::workflow::{StepCode, TaskType, WorkCenterCode};

/// The most minutes one step is estimated at: a working week.
const MAX_ESTIMATE_MINUTES: i32 = 5 * 8 * 60;

/// One task a build needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedStep {
    pub code: StepCode,
    pub title: String,
    pub task_type: TaskType,
    pub work_center: WorkCenterCode,
    pub estimated_minutes: i32,
    pub instructions: String,
    pub tools: Vec<String>,
    pub skills: Vec<String>,
    pub inspection_required: bool,
    pub approval_required: bool,
    pub takes_unassigned_materials: bool,
    /// Planned steps only.
    pub predecessors: Vec<Predecessor>,
}

/// A step rule that fails for a configuration, at its field.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanFailure {
    pub index: usize,
    pub code: StepCode,
    pub field: &'static str,
    pub error: String,
}

impl std::fmt::Display for PlanFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "step {}, {}: {}",
            self.code,
            self.field.replace('_', " "),
            self.error
        )
    }
}

/// The tasks `route` gives the build `vars` describes, in route order, or
/// the first rule that fails.
pub fn plan(route: &Route, vars: &dyn Variables) -> Result<Vec<PlannedStep>, PlanFailure> {
    let mut worked = Vec::with_capacity(route.steps().len());
    for (index, step) in route.steps().iter().enumerate() {
        worked.push(work_out(index, step, vars)?);
    }
    Ok(link(route, &worked))
}

/// Every rule of `route` that fails for `vars`, each step's first.
pub(super) fn failures(route: &Route, vars: &dyn Variables) -> Vec<PlanFailure> {
    route
        .steps()
        .iter()
        .enumerate()
        .filter_map(|(index, step)| work_out(index, step, vars).err())
        .collect()
}

/// The step's minutes when it applies, `None` when it does not.
fn work_out(
    index: usize,
    step: &RouteStep,
    vars: &dyn Variables,
) -> Result<Option<i32>, PlanFailure> {
    let failed = |field: &'static str, error: String| PlanFailure {
        index,
        code: step.code.clone(),
        field,
        error,
    };
    let rule = |field: &'static str| move |error: RuleError| failed(field, error.to_string());
    if let Some(condition) = &step.condition {
        let (holds, _) = condition.holds(vars).map_err(rule("condition"))?;
        if !holds {
            return Ok(None);
        }
    }
    let (minutes, _) = step
        .estimate
        .quantity(vars)
        .map_err(rule("estimate_formula"))?;
    minutes
        .ceil()
        .to_i32()
        .filter(|minutes| *minutes <= MAX_ESTIMATE_MINUTES)
        .map(Some)
        .ok_or_else(|| {
            failed(
                "estimate_formula",
                format!("{minutes} minutes is more than a working week ({MAX_ESTIMATE_MINUTES})"),
            )
        })
}

fn link(route: &Route, worked: &[Option<i32>]) -> Vec<PlannedStep> {
    let by_code: BTreeMap<&StepCode, usize> = route
        .steps()
        .iter()
        .enumerate()
        .map(|(index, step)| (&step.code, index))
        .collect();
    let mut reach = Reach {
        route,
        worked,
        by_code,
        known: BTreeMap::new(),
    };
    route
        .steps()
        .iter()
        .zip(worked)
        .filter_map(|(step, minutes)| {
            let minutes = (*minutes)?;
            let mut predecessors: Vec<Predecessor> = Vec::new();
            for link in &step.predecessors {
                for reached in reach.planned_through(&link.step) {
                    if !predecessors.iter().any(|known| known.step == reached) {
                        predecessors.push(Predecessor {
                            step: reached,
                            ..link.clone()
                        });
                    }
                }
            }
            Some(PlannedStep {
                code: step.code.clone(),
                title: step.title.clone(),
                task_type: step.task_type,
                work_center: step.work_center.clone(),
                estimated_minutes: minutes,
                instructions: step.instructions.clone(),
                tools: step.tools.clone(),
                skills: step.skills.clone(),
                inspection_required: step.inspection_required,
                approval_required: step.approval_required,
                takes_unassigned_materials: step.takes_unassigned_materials,
                predecessors,
            })
        })
        .collect()
}

/// Which planned steps a step stands for, remembered per step so that
/// chains of left-out steps are walked once each.
struct Reach<'a> {
    route: &'a Route,
    worked: &'a [Option<i32>],
    by_code: BTreeMap<&'a StepCode, usize>,
    known: BTreeMap<usize, Vec<StepCode>>,
}

impl Reach<'_> {
    /// `code` itself when it is planned, else the planned steps it waited
    /// for, through any number of left-out steps (a checked route has no
    /// cycle, so this ends).
    fn planned_through(&mut self, code: &StepCode) -> Vec<StepCode> {
        let index = self.by_code[code];
        if self.worked[index].is_some() {
            return vec![code.clone()];
        }
        if let Some(known) = self.known.get(&index) {
            return known.clone();
        }
        let route = self.route;
        let mut reached: Vec<StepCode> = Vec::new();
        for link in &route.steps()[index].predecessors {
            for code in self.planned_through(&link.step) {
                if !reached.contains(&code) {
                    reached.push(code);
                }
            }
        }
        self.known.insert(index, reached.clone());
        reached
    }
}
