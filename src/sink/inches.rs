use std::str::FromStr;

use rust_decimal::Decimal;

use super::Span;
use crate::FieldError;

/// A length in inches as typed: a positive number with at most two decimals.
pub fn parse_inches(raw: &str) -> Result<Decimal, &'static str> {
    let value =
        Decimal::from_str(raw.trim()).map_err(|_| "Enter a number of inches, e.g. 72 or 72.5.")?;
    if value <= Decimal::ZERO {
        return Err("Enter a length greater than zero.");
    }
    if value.normalize().scale() > 2 {
        return Err("Use at most two decimals.");
    }
    Ok(value)
}

/// Reads `raw` and checks it lies within `span`, naming `what` in the message.
pub(super) fn within(
    errors: &mut Vec<FieldError>,
    field: &str,
    raw: &str,
    span: Span,
    what: &str,
) -> Option<Decimal> {
    match parse_inches(raw) {
        Err(message) => {
            errors.push(FieldError::new(field, message));
            None
        }
        Ok(value) if !span.contains(value) => {
            errors.push(FieldError::new(
                field,
                format!(
                    "{what} must be between {} and {} in.",
                    span.min.normalize(),
                    span.max.normalize()
                ),
            ));
            None
        }
        Ok(value) => Some(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_are_positive_numbers_with_two_decimals_at_most() {
        assert_eq!(parse_inches(" 72.5 "), Ok(Decimal::new(725, 1)));
        assert!(parse_inches("seventy").is_err());
        assert!(parse_inches("0").is_err());
        assert!(parse_inches("-4").is_err());
        assert!(parse_inches("1.125").is_err());
        assert_eq!(parse_inches("30.50"), Ok(Decimal::new(3050, 2)));
    }
}
