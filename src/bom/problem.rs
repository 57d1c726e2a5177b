use serde::{Deserialize, Serialize};

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
