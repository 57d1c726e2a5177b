//! Numbers as people type them into forms and files: whole counts and
//! amounts of money. Each refusal says what is actually wrong with the
//! text (not a number, a fraction, below or above the limit), so
//! `1e20` is "too large", not "not a whole number greater than zero".

use std::ops::RangeInclusive;
use std::str::FromStr;

use rust_decimal::Decimal;

/// The number `raw` spells, in plain or scientific notation (`1e20`).
fn decimal(raw: &str) -> Option<Decimal> {
    Decimal::from_str(raw)
        .or_else(|_| Decimal::from_scientific(raw))
        .ok()
}

/// A whole number with thousands separators: `1000000` as `1,000,000`.
pub fn grouped(number: impl std::fmt::Display) -> String {
    let text = number.to_string();
    let (sign, digits) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |rest| ("-", rest));
    let mut out = String::from(sign);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A change as a ledger shows it: `+3`, `-2`, `0`.
pub fn signed(change: i32) -> String {
    if change > 0 {
        format!("+{change}")
    } else {
        change.to_string()
    }
}

/// A whole number within `range`, as typed (a leading `+` allowed).
pub fn whole_number(raw: &str, range: RangeInclusive<i32>) -> Result<i32, String> {
    let text = raw.trim();
    let text = text.strip_prefix('+').unwrap_or(text);
    let Some(value) = decimal(text) else {
        return Err(if text.is_empty() {
            "Enter a number.".to_owned()
        } else {
            "Enter a whole number, such as 12.".to_owned()
        });
    };
    let (min, max) = (*range.start(), *range.end());
    if value < Decimal::from(min) {
        return Err(match min {
            0 => "Cannot be negative.".to_owned(),
            1 => "Enter a number greater than zero.".to_owned(),
            _ => format!("At least {}.", grouped(min)),
        });
    }
    if value > Decimal::from(max) {
        return Err(format!("At most {}.", grouped(max)));
    }
    if !value.fract().is_zero() {
        return Err("Enter a whole number, without decimals.".to_owned());
    }
    i32::try_from(value).map_err(|_| format!("At most {}.", grouped(max)))
}

/// The largest amount of money a form takes, $99,999,999.99: the columns
/// hold 10 digits, 2 of them cents.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(1_410_065_407, 2, 0, false, 2);

/// Dollars and cents, zero or more, as typed (`$1,234.50`); empty is `None`.
pub fn money(raw: &str) -> Result<Option<Decimal>, String> {
    let text = raw.trim().trim_start_matches('$').replace(',', "");
    if text.is_empty() {
        return Ok(None);
    }
    let amount = decimal(&text).ok_or("Enter an amount in dollars and cents, such as 12.50.")?;
    if amount.is_sign_negative() && !amount.is_zero() {
        return Err("Cannot be negative.".into());
    }
    if amount > MAX_AMOUNT {
        return Err("At most $99,999,999.99.".into());
    }
    if amount.normalize().scale() > 2 {
        return Err("Use at most two decimals (cents).".into());
    }
    Ok(Some(amount.normalize().round_dp(2)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_number_is_read_within_its_range() {
        assert_eq!(whole_number(" +12 ", 1..=100), Ok(12));
        assert_eq!(whole_number("-5", -100..=100), Ok(-5));
        assert_eq!(whole_number("3.0", 1..=100), Ok(3));
    }

    #[test]
    fn each_refusal_says_what_is_wrong() {
        let refused = |raw: &str, range| whole_number(raw, range).unwrap_err();
        assert_eq!(refused("1e20", 1..=1_000_000), "At most 1,000,000.");
        assert_eq!(refused("99999999999", 1..=1_000_000), "At most 1,000,000.");
        assert_eq!(refused("0", 1..=10), "Enter a number greater than zero.");
        assert_eq!(refused("-1", 0..=10), "Cannot be negative.");
        assert_eq!(
            refused("2.5", 1..=10),
            "Enter a whole number, without decimals."
        );
        assert_eq!(refused("ten", 1..=10), "Enter a whole number, such as 12.");
        assert_eq!(refused("", 1..=10), "Enter a number.");
    }

    #[test]
    fn amounts_are_cents_and_say_their_limit() {
        assert_eq!(money("$1,234.5"), Ok(Some(Decimal::new(123450, 2))));
        assert_eq!(money(""), Ok(None));
        assert_eq!(money("-0.01"), Err("Cannot be negative.".into()));
        assert_eq!(money("1e20"), Err("At most $99,999,999.99.".into()));
        assert_eq!(money("99999999.99"), Ok(Some(MAX_AMOUNT)));
        assert_eq!(
            money("1.005"),
            Err("Use at most two decimals (cents).".into())
        );
        assert!(money("ten").unwrap_err().starts_with("Enter an amount"));
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(grouped(1_000_000), "1,000,000");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(-12_345), "-12,345");
    }
}
