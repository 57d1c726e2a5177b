use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::explanation::Explanation;
use super::problem::TemplateField;
use crate::rule_language::RuleError;
use crate::workflow::StepCode;

/// A template line worked out for one configuration, before its part is
/// looked up in the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResolvedLine {
    pub line_number: i32,
    pub parent_line: Option<i32>,
    pub level: u8,
    /// `None` only for a phantom line without a part.
    pub part_number: Option<String>,
    /// Per one of the parent, or per sink at the top.
    pub quantity_per_assembly: Decimal,
    /// For the whole configuration: all its sinks and all their parents.
    pub quantity_required: Decimal,
    pub scrap_factor: Decimal,
    pub phantom: bool,
    pub description: String,
    pub explanation: Explanation,
    /// The route step that consumes the part; `None`: the route's default.
    #[serde(default)]
    pub route_step: Option<StepCode>,
}

/// A rule of a template line that failed for this configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("line {line_number}, {}: {error}", .field.label())]
pub struct LineFailure {
    pub line_number: i32,
    pub field: TemplateField,
    pub error: RuleError,
}
