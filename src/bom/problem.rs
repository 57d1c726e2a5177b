use serde::{Deserialize, Serialize};

use crate::PartNumber;

/// A field of a template line, for placing a problem or a failure under
/// it in the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TemplateField {
    LineNumber,
    ParentLine,
    PartNumber,
    PartPattern,
    QuantityFormula,
    BaseQuantity,
    IncludeCondition,
    ScrapFactor,
    Description,
    RouteStep,
}

impl TemplateField {
    /// The draft's field name, as the editor's inputs are named.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::LineNumber => "line_number",
            Self::ParentLine => "parent_line",
            Self::PartNumber => "part_number",
            Self::PartPattern => "part_pattern",
            Self::QuantityFormula => "quantity_formula",
            Self::BaseQuantity => "base_quantity",
            Self::IncludeCondition => "include_condition",
            Self::ScrapFactor => "scrap_factor",
            Self::Description => "description",
            Self::RouteStep => "route_step",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::LineNumber => "line number",
            Self::ParentLine => "parent line",
            Self::PartNumber => "part number",
            Self::PartPattern => "part pattern",
            Self::QuantityFormula => "quantity formula",
            Self::BaseQuantity => "base quantity",
            Self::IncludeCondition => "include condition",
            Self::ScrapFactor => "scrap factor",
            Self::Description => "description",
            Self::RouteStep => "route step",
        }
    }

    /// The most characters a text field holds: the columns of
    /// `products.bom_template_items` (a pattern is stored in
    /// `part_number_pattern VARCHAR(100)`); `None` for numbers.
    pub fn text_limit(self) -> Option<usize> {
        match self {
            Self::PartNumber => Some(PartNumber::MAX_LEN),
            Self::PartPattern => Some(100),
            Self::QuantityFormula | Self::IncludeCondition | Self::Description => Some(255),
            Self::RouteStep => Some(3),
            Self::LineNumber | Self::ParentLine | Self::BaseQuantity | Self::ScrapFactor => None,
        }
    }
}

/// What is wrong with one field of one template line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineProblem {
    pub line_number: i32,
    pub field: TemplateField,
    pub message: String,
}

impl LineProblem {
    pub(super) fn new(line_number: i32, field: TemplateField, message: impl Into<String>) -> Self {
        Self {
            line_number,
            field,
            message: message.into(),
        }
    }
}
