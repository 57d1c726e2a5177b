//! Reading each field of a template line on its own; every reader says
//! what is wrong in words for the field's error line.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::draft::TemplateLineDraft;
use super::problem::TemplateField;
use super::template::{QUANTITY_DECIMALS, Written};
use super::vocabulary::known;
use crate::PartNumber;
use crate::rule_language::{Pattern, RuleError, ValueKind};
use crate::text::limited;
use crate::workflow::StepCode;

/// Largest base quantity the template table stores (`DECIMAL(10,4)`).
const MAX_BASE_QUANTITY: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// `Ok` when `text` fits the field's column, else the refusal with both
/// lengths; read before the text itself, so an over-long rule is called
/// too long rather than wrong.
pub(super) fn fits(field: TemplateField, text: &str) -> Result<(), String> {
    field
        .text_limit()
        .map_or(Ok(()), |max| limited(text, max).map(drop))
}

/// The fixed part number, if any; its field also says when the line has
/// no part at all.
pub(super) fn fixed_part(draft: &TemplateLineDraft) -> Result<Option<PartNumber>, String> {
    let fixed = draft.part_number.trim();
    if !fixed.is_empty() {
        return PartNumber::parse(fixed)
            .map(Some)
            .map_err(|error| error.to_string());
    }
    if draft.part_pattern.trim().is_empty() && !draft.phantom {
        return Err(
            "Give a part number or a part pattern: only a phantom line may have neither."
                .to_owned(),
        );
    }
    Ok(None)
}

pub(super) fn part_pattern(draft: &TemplateLineDraft) -> Result<Option<Written<Pattern>>, String> {
    if !draft.part_number.trim().is_empty() && !draft.part_pattern.trim().is_empty() {
        return Err("Give a fixed part number or a part pattern, not both.".to_owned());
    }
    optional(&draft.part_pattern, Pattern::parse, Pattern::check)
}

type Known<'a> = &'a dyn Fn(&str) -> Option<ValueKind>;

/// A rule read from `text` (positions count from what was typed) and checked
/// against the vocabulary; `None` when nothing was typed.
pub(super) fn optional<T>(
    text: &str,
    parse: fn(&str) -> Result<T, RuleError>,
    check: fn(&T, Known<'_>) -> Result<(), RuleError>,
) -> Result<Option<Written<T>>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let rule = parse(text).map_err(|error| error.to_string())?;
    check(&rule, &known).map_err(|error| error.to_string())?;
    Ok(Some(Written {
        text: text.trim().to_owned(),
        rule,
    }))
}

pub(super) fn base_quantity(raw: &str) -> Result<Decimal, String> {
    let Some(quantity) = decimal(raw)? else {
        return Ok(Decimal::ONE);
    };
    if quantity <= Decimal::ZERO {
        return Err("The quantity must be greater than zero.".to_owned());
    }
    if quantity >= MAX_BASE_QUANTITY {
        return Err("The quantity must be less than 1,000,000.".to_owned());
    }
    Ok(quantity)
}

pub(super) fn scrap_factor(raw: &str) -> Result<Decimal, String> {
    match decimal(raw)? {
        None => Ok(Decimal::ZERO),
        Some(scrap) if scrap < Decimal::ZERO || scrap >= Decimal::ONE => {
            Err("Scrap is a fraction from 0 up to (not including) 1, e.g. 0.05 for 5%.".to_owned())
        }
        Some(scrap) => Ok(scrap),
    }
}

/// The step that consumes the line, `None` when nothing was typed. Whether
/// the family's route has the step is the server's to say at save: the
/// route is versioned apart from the template.
pub(super) fn route_step(raw: &str) -> Result<Option<StepCode>, String> {
    match raw.trim() {
        "" => Ok(None),
        text => StepCode::parse(text)
            .map(Some)
            .map_err(|error| error.to_string()),
    }
}

/// A number as the tables store it, `None` when nothing was typed.
fn decimal(raw: &str) -> Result<Option<Decimal>, String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let number = Decimal::from_str(raw).map_err(|_| "Enter a number, e.g. 2 or 0.5.".to_owned())?;
    if number.normalize().scale() > QUANTITY_DECIMALS {
        return Err(format!("Use at most {QUANTITY_DECIMALS} decimals."));
    }
    Ok(Some(number.normalize()))
}
