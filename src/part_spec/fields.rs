//! Parsers for one form or CSV field each, returning the message a user sees.

use rust_decimal::Decimal;

use crate::DbEnum;
use crate::number::whole_number;

/// Text a spreadsheet-safe export prefixed with an apostrophe comes back
/// without it, so an export imports unchanged.
pub fn text(raw: &str) -> &str {
    let raw = raw.trim();
    match raw.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => raw,
    }
}

pub fn optional_text(raw: &str, max: usize) -> Result<Option<String>, String> {
    crate::text::limited(text(raw), max)
}

pub fn required_text(raw: &str, max: usize) -> Result<String, String> {
    optional_text(raw, max)?.ok_or_else(|| "This field is required.".to_owned())
}

/// A whole number of at least `min`; empty means `default`.
pub fn count(raw: &str, min: i32, default: i32) -> Result<i32, String> {
    let value = text(raw);
    if value.is_empty() {
        return Ok(default);
    }
    whole_number(value, min..=i32::MAX)
}

/// A cost in dollars and cents, zero or more and within the column's limit.
pub fn money(raw: &str) -> Result<Option<Decimal>, String> {
    crate::number::money(text(raw))
}

pub fn flag(raw: &str) -> Result<bool, String> {
    match text(raw).to_ascii_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" | "off" => Ok(false),
        "yes" | "y" | "true" | "1" | "on" => Ok(true),
        other => Err(format!("Enter yes or no, not “{other}”.")),
    }
}

/// One of an enum's database values (case-insensitive); empty means `default`.
pub fn choice<E: DbEnum>(raw: &str, default: E) -> Result<E, String> {
    let value = text(raw).to_ascii_uppercase().replace([' ', '-'], "_");
    if value.is_empty() {
        return Ok(default);
    }
    E::parse(&value).map_err(|_| {
        let allowed: Vec<_> = E::ALL.iter().map(|variant| variant.as_db_str()).collect();
        format!("Choose one of {}.", allowed.join(", "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PartStatus;

    #[test]
    fn costs_are_cents_and_never_negative() {
        assert_eq!(money("$1,234.5"), Ok(Some(Decimal::new(123450, 2))));
        assert_eq!(money(""), Ok(None));
        assert_eq!(money("-0.01"), Err("Cannot be negative.".into()));
        assert!(money("1.005").is_err());
        assert!(money("ten").is_err());
    }

    #[test]
    fn counts_refuse_negatives_and_fractions() {
        assert_eq!(count("", 0, 7), Ok(7));
        assert_eq!(count("-1", 0, 0), Err("Cannot be negative.".into()));
        assert_eq!(
            count("0", 1, 1),
            Err("Enter a number greater than zero.".into())
        );
        assert_eq!(count("5", 7, 7), Err("At least 7.".into()));
        assert!(count("2.5", 0, 0).is_err());
    }

    #[test]
    fn choices_are_forgiving_about_case_and_spaces() {
        assert_eq!(
            choice("pending approval", PartStatus::Active),
            Ok(PartStatus::PendingApproval)
        );
        assert!(
            choice::<PartStatus>("gone", PartStatus::Active)
                .unwrap_err()
                .contains("OBSOLETE")
        );
    }

    #[test]
    fn defused_formulas_come_back_as_written() {
        assert_eq!(text("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(text("'quoted'"), "'quoted'");
    }
}
