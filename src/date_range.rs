//! A span of days a list is filtered by, read from its two date fields.
//! Either end may be open; an end before the start is refused at the end's
//! field, so a filter never silently matches nothing.

use chrono::NaiveDate;

use crate::FieldError;

/// Checks that `to` is not before `from`; the error is placed at `to_field`.
pub fn check_range(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    to_field: &str,
) -> Result<(), FieldError> {
    match (from, to) {
        (Some(from), Some(to)) if to < from => Err(FieldError::new(
            to_field,
            format!(
                "The end date, {to}, is before the start date, {from}: swap them or change one."
            ),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn an_end_before_the_start_is_refused_at_the_end_field() {
        let error =
            check_range(Some(day("2026-11-20")), Some(day("2026-11-01")), "to").unwrap_err();
        assert_eq!(error.field, "to");
        assert_eq!(
            error.message,
            "The end date, 2026-11-01, is before the start date, 2026-11-20: swap them or change one."
        );
    }

    #[test]
    fn open_ends_and_a_single_day_are_ranges() {
        assert!(check_range(None, Some(day("2026-11-01")), "to").is_ok());
        assert!(check_range(Some(day("2026-11-01")), None, "to").is_ok());
        let one = Some(day("2026-11-01"));
        assert!(check_range(one, one, "to").is_ok());
    }
}
