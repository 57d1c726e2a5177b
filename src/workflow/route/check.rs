//! Reading a route draft: every field of every step, then the route's
//! shape (unique codes, known predecessors, no cycle, one material step),
//! then, once all of it reads, every rule worked out for the family's
//! sample configurations, so a rule that fails only for some builds is
//! refused here rather than when an order enters production. Problems are
//! keyed `"<step index>:<field>"`, the field the editor shows them at.

use std::collections::{BTreeMap, BTreeSet};

use super::draft::{PredecessorDraft, RouteStepDraft};
use super::{Predecessor, Route, RouteDraft, RouteStep, plan};
use crate::bom::sample_failures;
use crate::rule_language::{Condition, Formula};
use crate::sink::FamilyOptions;
use crate::text::lines;
use crate::workflow::{DependencyType, StepCode, TaskType, WorkCenterCode};
use crate::{DbEnum, FieldError};

/// The most steps a route holds; a real one has fifteen or twenty.
pub const MAX_STEPS: usize = 100;
const MAX_LAG_MINUTES: i32 = 7 * 24 * 60;
const MAX_TITLE_CHARS: usize = 255;

/// A step's field as the editor and the server name it: `"3:condition"`.
pub fn step_field(index: usize, field: &str) -> String {
    format!("{index}:{field}")
}

/// The route the draft makes for `family`, or every problem in it: what
/// `read_route` finds, then the rules that fail for a sample configuration.
pub fn check_route(draft: &RouteDraft, family: &FamilyOptions) -> Result<Route, Vec<FieldError>> {
    let route = read_route(draft)?;
    let errors = trial(&route, family);
    if errors.is_empty() {
        Ok(route)
    } else {
        Err(errors)
    }
}

/// The route the draft's text makes, or every problem in its fields and
/// its shape; a stored route is read back through here.
pub fn read_route(draft: &RouteDraft) -> Result<Route, Vec<FieldError>> {
    if draft.steps.is_empty() || draft.steps.len() > MAX_STEPS {
        return Err(vec![FieldError::new(
            "steps",
            format!("A route has 1 to {MAX_STEPS} steps."),
        )]);
    }
    let mut errors = Vec::new();
    let steps: Vec<Option<RouteStep>> = draft
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| read_step(index, step, &mut errors))
        .collect();
    let Some(steps) = steps.into_iter().collect::<Option<Vec<_>>>() else {
        return Err(errors);
    };
    shape(&steps, &mut errors);
    if errors.is_empty() {
        Ok(Route { steps })
    } else {
        Err(errors)
    }
}

fn read_step(
    index: usize,
    draft: &RouteStepDraft,
    errors: &mut Vec<FieldError>,
) -> Option<RouteStep> {
    let mut at = |field: &str, message: String| {
        errors.push(FieldError::new(&step_field(index, field), message))
    };
    let code = StepCode::parse(&draft.code).map_err(|error| at("code", error.to_string()));
    let title = draft.title.trim();
    if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
        at(
            "title",
            format!("Give the step a title of at most {MAX_TITLE_CHARS} characters."),
        );
    }
    let task_type = TaskType::parse(&draft.task_type)
        .map_err(|_| at("task_type", "Choose a task type.".into()));
    let work_center = WorkCenterCode::parse(&draft.work_center)
        .map_err(|error| at("work_center", error.to_string()));
    let condition = match draft.condition.trim() {
        "" => Ok(None),
        text => Condition::parse(text)
            .map(Some)
            .map_err(|error| at("condition", error.to_string())),
    };
    let estimate = Formula::parse(&draft.estimate_formula)
        .map_err(|error| at("estimate_formula", error.to_string()));
    let predecessors: Result<Vec<_>, ()> = draft
        .predecessors
        .iter()
        .map(|predecessor| {
            read_predecessor(predecessor).map_err(|message| at("predecessors", message))
        })
        .collect();
    let title =
        (!title.is_empty() && title.chars().count() <= MAX_TITLE_CHARS).then(|| title.to_owned());
    Some(RouteStep {
        code: code.ok()?,
        title: title?,
        task_type: task_type.ok()?,
        work_center: work_center.ok()?,
        condition: condition.ok()?,
        estimate: estimate.ok()?,
        instructions: draft.instructions.trim().to_owned(),
        tools: lines(&draft.tools),
        skills: lines(&draft.skills),
        inspection_required: draft.inspection_required,
        approval_required: draft.approval_required,
        takes_unassigned_materials: draft.takes_unassigned_materials,
        predecessors: predecessors.ok()?,
    })
}

fn read_predecessor(draft: &PredecessorDraft) -> Result<Predecessor, String> {
    let step = StepCode::parse(&draft.step).map_err(|error| error.to_string())?;
    let dependency = match draft.dependency.trim() {
        "" => DependencyType::FinishToStart,
        text => DependencyType::parse(text)
            .map_err(|_| format!("Choose how step {step} is waited for."))?,
    };
    let lag_minutes = match draft.lag_minutes.trim() {
        "" => 0,
        text => text
            .parse::<i32>()
            .ok()
            .filter(|lag| lag.abs() <= MAX_LAG_MINUTES)
            .ok_or_else(|| {
                format!("The lag after step {step} is whole minutes, at most a week either way.")
            })?,
    };
    Ok(Predecessor {
        step,
        dependency,
        lag_minutes,
    })
}

/// Unique codes, predecessors that are steps of the route (each named
/// once, never the step itself), no cycle, exactly one material step.
fn shape(steps: &[RouteStep], errors: &mut Vec<FieldError>) {
    let mut index_of = BTreeMap::new();
    for (index, step) in steps.iter().enumerate() {
        if index_of.insert(step.code.clone(), index).is_some() {
            errors.push(FieldError::new(
                &step_field(index, "code"),
                format!("Step {} is already in the route.", step.code),
            ));
        }
    }
    for (index, step) in steps.iter().enumerate() {
        let mut named = BTreeSet::new();
        for predecessor in &step.predecessors {
            let problem = if predecessor.step == step.code {
                Some("A step cannot wait for itself.".to_owned())
            } else if !index_of.contains_key(&predecessor.step) {
                Some(format!(
                    "There is no step {} in this route.",
                    predecessor.step
                ))
            } else if !named.insert(&predecessor.step) {
                Some(format!("Step {} is named twice.", predecessor.step))
            } else {
                None
            };
            if let Some(message) = problem {
                errors.push(FieldError::new(&step_field(index, "predecessors"), message));
            }
        }
    }
    if errors.is_empty()
        && let Some(index) = first_in_cycle(steps, &index_of)
    {
        errors.push(FieldError::new(
            &step_field(index, "predecessors"),
            format!(
                "Step {} waits, through its predecessors, for itself.",
                steps[index].code
            ),
        ));
    }
    let material_steps: Vec<(usize, &RouteStep)> = steps
        .iter()
        .enumerate()
        .filter(|(_, step)| step.takes_unassigned_materials)
        .collect();
    match material_steps.as_slice() {
        [(index, step)] if step.condition.is_some() => errors.push(FieldError::new(
            &step_field(*index, "condition"),
            "The step that takes the BOM lines naming no step is needed by every build: leave its condition empty.",
        )),
        [_] => {}
        [] =>
            errors.push(FieldError::new("steps", "Mark one step as the one that takes the BOM lines that name no step.")),
        _ => errors.push(FieldError::new("steps", "Only one step takes the BOM lines that name no step.")),
    }
}

/// A step on a cycle of predecessors, if any: Kahn's algorithm, linear.
fn first_in_cycle(steps: &[RouteStep], index_of: &BTreeMap<StepCode, usize>) -> Option<usize> {
    let mut waiting: Vec<usize> = steps.iter().map(|step| step.predecessors.len()).collect();
    let mut successors = vec![Vec::new(); steps.len()];
    for (index, step) in steps.iter().enumerate() {
        for predecessor in &step.predecessors {
            successors[index_of[&predecessor.step]].push(index);
        }
    }
    let mut ready: Vec<usize> = (0..steps.len())
        .filter(|&index| waiting[index] == 0)
        .collect();
    while let Some(index) = ready.pop() {
        for &successor in &successors[index] {
            waiting[successor] -= 1;
            if waiting[successor] == 0 {
                ready.push(successor);
            }
        }
    }
    waiting.iter().position(|&left| left > 0)
}

/// Every rule that fails for one of the family's sample configurations,
/// at its field, once per field.
fn trial(route: &Route, family: &FamilyOptions) -> Vec<FieldError> {
    sample_failures(family, |vars| {
        plan::failures(route, vars)
            .into_iter()
            .map(|failure| (step_field(failure.index, failure.field), failure.error))
            .collect()
    })
}
