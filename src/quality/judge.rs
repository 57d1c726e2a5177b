//! Whether a reading meets its spec. The same function runs in the browser
//! as the inspector types and on the server when the value is saved, so
//! the PASS or FAIL shown is the one recorded. Limits are inclusive: a
//! reading exactly on a limit passes. A reading in another unit of the same
//! quantity (inches against millimetres) is compared in the base unit,
//! exactly, because converting is only a multiplication.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::{Spec, Unit};
use crate::number::grouped;

/// A value read off an instrument, in the unit it was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reading {
    pub value: Decimal,
    pub unit: Unit,
}

/// What a reading says about the item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Judgement {
    Pass,
    /// `off_by` is how far beyond the nearest limit, in the spec's unit,
    /// always greater than zero.
    Fail {
        off_by: Decimal,
    },
}

/// A reading that cannot be judged against the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum JudgeError {
    #[error("A value in {} cannot be compared with a spec in {}.", .reading.label(), .spec.label())]
    IncompatibleUnit { spec: Unit, reading: Unit },
}

/// Decimals a reading has at most.
pub const READING_SCALE: u32 = 6;
/// A reading's magnitude is below this.
const READING_LIMIT: i64 = 1_000_000_000;
/// Decimals `off_by` keeps when it is converted out of another unit:
/// more than any reading or spec has, rounded away from zero so that a
/// failing reading never shows as off by 0.
const OFF_BY_SCALE: u32 = 9;

/// Judges `reading` against `spec`.
pub fn judge(spec: &Spec, reading: &Reading) -> Result<Judgement, JudgeError> {
    if !reading.unit.converts_to(spec.unit()) {
        return Err(JudgeError::IncompatibleUnit {
            spec: spec.unit(),
            reading: reading.unit,
        });
    }
    let value = reading.unit.to_base(reading.value);
    let (low, high) = spec.limits();
    let in_base = |limit: Option<Decimal>| limit.map(|limit| spec.unit().to_base(limit));
    let below = in_base(low).map_or(Decimal::ZERO, |low| low - value);
    let above = in_base(high).map_or(Decimal::ZERO, |high| value - high);
    // A reading is beyond at most one limit, since low ≤ high.
    let beyond = below.max(above);
    if beyond <= Decimal::ZERO {
        return Ok(Judgement::Pass);
    }
    let off_by = (beyond / spec.unit().factor())
        .round_dp_with_strategy(OFF_BY_SCALE, RoundingStrategy::AwayFromZero)
        .normalize();
    Ok(Judgement::Fail { off_by })
}

/// A reading as the inspector typed it in `unit`; the message is for the
/// field.
pub fn parse_reading(text: &str, unit: Unit) -> Result<Reading, String> {
    if text.trim().is_empty() {
        return Err("Enter the value you measured.".to_owned());
    }
    parse_value(text).map(|value| Reading { value, unit })
}

/// A measured or specified value as typed: digits with an optional sign
/// and one decimal point, spaces around allowed, at most
/// `READING_SCALE` decimals and below 10⁹. Nothing else reads as a number
/// (no `1e5`, no `NaN`, no decimal comma), so what is recorded is what the
/// person saw typed.
pub fn parse_value(text: &str) -> Result<Decimal, String> {
    let text = text.trim();
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let only_digits = |part: &str| part.chars().all(|c| c.is_ascii_digit());
    if text.contains(',') {
        return Err("Use a point for decimals, e.g. 12.5.".to_owned());
    }
    if whole.len() + fraction.len() == 0 || !only_digits(whole) || !only_digits(fraction) {
        return Err("Enter a number, e.g. 12.5.".to_owned());
    }
    if fraction.len() > READING_SCALE as usize {
        return Err(format!("Enter at most {READING_SCALE} decimals."));
    }
    text.strip_prefix('+')
        .unwrap_or(text)
        .parse()
        .ok()
        .filter(|value: &Decimal| value.abs() < Decimal::from(READING_LIMIT))
        .ok_or_else(|| format!("Enter a value below {}.", grouped(READING_LIMIT)))
}
