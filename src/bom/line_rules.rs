//! A template line's three rules evaluated for one configuration, each
//! noting in the line's explanation what it read.

use rust_decimal::{Decimal, RoundingStrategy};

use super::explanation::Explanation;
use super::problem::TemplateField;
use super::resolved_line::LineFailure;
use super::template::{PartSource, QUANTITY_DECIMALS, Quantity, TemplateLine};
use crate::PartNumber;
use crate::rule_language::{RuleError, Variables};

/// Whether the line's condition holds; a line without one always does.
pub(super) fn included(
    line: &TemplateLine,
    vars: &dyn Variables,
    explanation: &mut Explanation,
) -> Result<bool, LineFailure> {
    let Some(include) = &line.include else {
        return Ok(true);
    };
    let (holds, used) = include
        .rule
        .holds(vars)
        .map_err(|error| failure(line, TemplateField::IncludeCondition, error))?;
    explanation.condition = Some(include.text.clone());
    explanation.read(used);
    Ok(holds)
}

/// How many go into one of the parent, as the BOM stores it.
pub(super) fn per_assembly(
    line: &TemplateLine,
    vars: &dyn Variables,
    explanation: &mut Explanation,
) -> Result<Decimal, LineFailure> {
    let quantity = match &line.quantity {
        Quantity::Fixed(quantity) => stored(*quantity),
        Quantity::Formula(formula) => {
            let (quantity, used) = formula
                .rule
                .quantity(vars)
                .map_err(|error| failure(line, TemplateField::QuantityFormula, error))?;
            explanation.read(used);
            stored(quantity)
        }
    };
    explanation.formula = match &line.quantity {
        Quantity::Fixed(_) => quantity.to_string(),
        Quantity::Formula(formula) => formula.text.clone(),
    };
    explanation.quantity = quantity;
    Ok(quantity)
}

pub(super) fn part_number(
    line: &TemplateLine,
    vars: &dyn Variables,
    explanation: &mut Explanation,
) -> Result<Option<String>, LineFailure> {
    match &line.part {
        None => Ok(None),
        Some(PartSource::Fixed(part)) => Ok(Some(part.as_str().to_owned())),
        Some(PartSource::Pattern(pattern)) => {
            let (rendered, used) = pattern
                .rule
                .render(vars)
                .map_err(|error| failure(line, TemplateField::PartPattern, error))?;
            explanation.pattern = Some(pattern.text.clone());
            explanation.read(used);
            Ok(Some(as_catalogued(rendered)))
        }
    }
}

/// A quantity as the BOM tables store it, rounded as the database rounds.
pub(super) fn stored(quantity: Decimal) -> Decimal {
    quantity
        .round_dp_with_strategy(QUANTITY_DECIMALS, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// A rendered part number written the way the catalogue writes it; text
/// that is no part number is kept as is, to be reported as not found.
fn as_catalogued(rendered: String) -> String {
    PartNumber::parse(&rendered).map_or(rendered, |part| part.as_str().to_owned())
}

pub(super) fn failure(line: &TemplateLine, field: TemplateField, error: RuleError) -> LineFailure {
    LineFailure {
        line_number: line.line_number,
        field,
        error,
    }
}
