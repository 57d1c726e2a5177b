use serde::{Deserialize, Serialize};

/// A route as the editor holds it: every field still text, so a half-typed
/// rule is kept and reported at its field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RouteDraft {
    pub notes: String,
    pub steps: Vec<RouteStepDraft>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RouteStepDraft {
    pub code: String,
    pub title: String,
    /// A `TaskType` as the database spells it.
    pub task_type: String,
    pub work_center: String,
    /// Empty: every build needs the step.
    pub condition: String,
    pub estimate_formula: String,
    pub instructions: String,
    /// One per line.
    pub tools: String,
    /// One per line.
    pub skills: String,
    pub inspection_required: bool,
    pub approval_required: bool,
    pub takes_unassigned_materials: bool,
    pub predecessors: Vec<PredecessorDraft>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PredecessorDraft {
    pub step: String,
    /// A `DependencyType` as the database spells it; empty: finish to start.
    pub dependency: String,
    /// Whole minutes; empty: 0.
    pub lag_minutes: String,
}
