use serde::{Deserialize, Serialize};

/// A template line as the editor holds it: every rule and number still
/// text, so a half-typed one is kept and reported at its field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TemplateLineDraft {
    pub line_number: i32,
    pub parent_line: Option<i32>,
    /// A fixed part number; empty when the part comes from `part_pattern`.
    pub part_number: String,
    pub part_pattern: String,
    /// Empty: the line takes `base_quantity`.
    pub quantity_formula: String,
    /// Used when there is no formula; empty: 1.
    pub base_quantity: String,
    /// Empty: the line is always included.
    pub include_condition: String,
    /// Extra stock to allow for waste, `0.05` for 5%; empty: none.
    pub scrap_factor: String,
    pub phantom: bool,
    pub description: String,
    /// The route step that consumes the line's part (`090`); empty: the
    /// route's step that takes the lines naming none.
    pub route_step: String,
}
