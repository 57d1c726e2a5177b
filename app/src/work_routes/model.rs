//! What the route pages receive: every family's route in force, one route
//! as the editor holds it, and the tasks a preview plans for one build.
//! Compiled for both targets, so these types hold no SQL.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use torvan::sink::FamilyOptions;
use torvan::workflow::route::RouteDraft;
use torvan::{BuildNumber, OrderNumber};

/// A family and its route in force, if it has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteSummary {
    pub family_code: String,
    pub family: String,
    pub saved: Option<Saved>,
}

/// A family's route in force: its version, size, and who saved it when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub version: i32,
    pub steps: i64,
    pub by: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteEditor {
    pub family_code: String,
    pub family: String,
    /// The version in force the draft was read from; 0 when the family has
    /// no route yet. A save names it, so a newer one is a conflict.
    pub version: i32,
    /// The route in force, or the copy of another family's a new route
    /// starts from, or one empty step.
    pub draft: RouteDraft,
    /// The family's options, whose sample configurations the editor tries
    /// every rule on.
    pub family_options: FamilyOptions,
    /// Active work centers: (code, name).
    pub work_centers: Vec<(String, String)>,
    /// Configurations of the family a preview can be run against.
    pub configurations: Vec<(OrderNumber, BuildNumber)>,
}

/// One task a preview plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedTask {
    pub code: String,
    pub title: String,
    pub work_center: String,
    pub estimated_minutes: i32,
    /// The steps it waits for, as read: `040 (finish to start)`, `+15 min`.
    pub waits_for: Vec<String>,
}
