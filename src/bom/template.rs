use rust_decimal::Decimal;

use super::problem::TemplateField;
use crate::PartNumber;
use crate::rule_language::{Condition, Formula, Pattern};
use crate::workflow::StepCode;

/// Decimals the template and BOM tables keep for quantities and scrap.
pub(super) const QUANTITY_DECIMALS: u32 = 4;

/// A rule and the text it was read from, which a BOM line quotes to
/// explain itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Written<T> {
    pub text: String,
    pub rule: T,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PartSource {
    Fixed(PartNumber),
    Pattern(Written<Pattern>),
}

/// How many of the line's part go into one of its parent, or into one
/// sink for a top-level line.
#[derive(Debug, Clone, PartialEq)]
pub enum Quantity {
    Formula(Written<Formula>),
    Fixed(Decimal),
}

impl Quantity {
    /// The field a failure to work the quantity out is shown at.
    pub(super) fn field(&self) -> TemplateField {
        match self {
            Quantity::Formula(_) => TemplateField::QuantityFormula,
            Quantity::Fixed(_) => TemplateField::BaseQuantity,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TemplateLine {
    pub line_number: i32,
    pub parent_line: Option<i32>,
    /// 1 for a top-level line, as the BOM stores it.
    pub level: u8,
    /// `None` only for a phantom line, which is pure structure.
    pub part: Option<PartSource>,
    pub quantity: Quantity,
    pub include: Option<Written<Condition>>,
    pub scrap_factor: Decimal,
    pub phantom: bool,
    pub description: String,
    /// The route step that consumes the part; `None`: the route's default.
    pub route_step: Option<StepCode>,
}

/// A template whose every rule reads and checks against the vocabulary.
/// Lines come parents first, each followed by its children in line-number
/// order, which is the order a BOM is generated and shown in.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    pub(super) lines: Vec<TemplateLine>,
}

impl Template {
    pub fn lines(&self) -> &[TemplateLine] {
        &self.lines
    }
}
