//! How freely one part stands in for another, and a substitute as the part
//! page's form sends it.

use rust_decimal::Decimal;

use crate::text::limited;
use crate::{DbEnum, FieldError, PartNumber};

/// Notes on a substitute (a `TEXT` column): a page of text.
pub const NOTES_LIMIT: usize = 2_000;

crate::db_enum::db_enum! {
    /// How freely a substitute may replace its primary part.
    #[derive(PartialOrd, Ord)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum SubstituteType: "substitute type" {
        /// Use it whenever the primary is short.
        Preferred = "PREFERRED" as "Preferred",
        /// Use it when no preferred substitute is available.
        Acceptable = "ACCEPTABLE" as "Acceptable",
        /// Only as a last resort, with approval.
        Emergency = "EMERGENCY" as "Emergency only",
    }
}

/// A substitute for a part: which part, how freely, how many of it replace
/// one of the primary part, and notes. Parsed field by field in the form's
/// order, the first problem said at its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Substitution {
    pub substitute: PartNumber,
    pub kind: SubstituteType,
    pub conversion_factor: Decimal,
    pub notes: Option<String>,
}

impl Substitution {
    /// The most characters each text field of the substitute form holds.
    pub fn text_limit(field: &str) -> Option<usize> {
        match field {
            "substitute" => Some(PartNumber::MAX_LEN),
            "notes" => Some(NOTES_LIMIT),
            _ => None,
        }
    }

    pub fn parse(
        substitute: &str,
        kind: &str,
        conversion_factor: &str,
        notes: &str,
    ) -> Result<Self, FieldError> {
        let kind = SubstituteType::parse(kind)
            .map_err(|_| FieldError::new("kind", "Choose preferred, acceptable or emergency."))?;
        let conversion_factor = parse_conversion_factor(conversion_factor)
            .map_err(|message| FieldError::new("conversion_factor", message))?;
        let substitute = PartNumber::parse(substitute)
            .map_err(|error| FieldError::new("substitute", error.to_string()))?;
        let notes =
            limited(notes, NOTES_LIMIT).map_err(|message| FieldError::new("notes", message))?;
        Ok(Self {
            substitute,
            kind,
            conversion_factor,
            notes,
        })
    }
}

/// How many of the substitute replace one of the primary part: 1 when not
/// given, above 0, below 1,000,000, with at most 4 decimals (the column is
/// `NUMERIC(10,4)`).
fn parse_conversion_factor(raw: &str) -> Result<Decimal, String> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(Decimal::ONE);
    }
    let factor: Decimal = text
        .parse()
        .map_err(|_| "Enter a number such as 1 or 0.5.".to_owned())?;
    if factor <= Decimal::ZERO
        || factor >= Decimal::from(1_000_000)
        || factor.normalize().scale() > 4
    {
        return Err(
            "The conversion factor is above 0, below 1,000,000, with at most 4 decimals."
                .to_owned(),
        );
    }
    Ok(factor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_substitute_is_parsed_with_its_number_upper_cased_and_its_factor() {
        let parsed = Substitution::parse(" 111-0002 ", "EMERGENCY", "1.5", "").unwrap();
        assert_eq!(
            parsed,
            Substitution {
                substitute: PartNumber::parse("111-0002").unwrap(),
                kind: SubstituteType::Emergency,
                conversion_factor: Decimal::new(15, 1),
                notes: None,
            }
        );
    }

    #[test]
    fn the_substitute_form_limits_its_text_to_what_parse_accepts() {
        let notes = Substitution::text_limit("notes").unwrap();
        assert!(Substitution::parse("111-0002", "PREFERRED", "1", &"n".repeat(notes)).is_ok());
        assert!(Substitution::parse("111-0002", "PREFERRED", "1", &"n".repeat(notes + 1)).is_err());
        let number = Substitution::text_limit("substitute").unwrap();
        assert!(Substitution::parse(&"1".repeat(number + 1), "PREFERRED", "1", "").is_err());
    }

    #[test]
    fn a_missing_conversion_factor_is_one() {
        assert_eq!(parse_conversion_factor("  "), Ok(Decimal::ONE));
    }

    #[test]
    fn a_conversion_factor_is_above_zero_below_a_million_with_four_decimals_at_most() {
        let refused = "The conversion factor is above 0, below 1,000,000, with at most 4 decimals.";
        for bad in ["0", "-1", "1000000", "0.00001"] {
            assert_eq!(
                parse_conversion_factor(bad),
                Err(refused.to_owned()),
                "{bad}"
            );
        }
        assert_eq!(
            parse_conversion_factor("half"),
            Err("Enter a number such as 1 or 0.5.".to_owned())
        );
        assert_eq!(parse_conversion_factor("0.0001"), Ok(Decimal::new(1, 4)));
    }

    #[test]
    fn each_refusal_is_said_at_its_field_in_the_forms_order() {
        let field = |substitute, kind, factor, notes: &str| {
            Substitution::parse(substitute, kind, factor, notes)
                .unwrap_err()
                .field
        };
        let long = "x".repeat(NOTES_LIMIT + 1);
        assert_eq!(field("", "SOMETIMES", "0", &long), "kind");
        assert_eq!(field("", "PREFERRED", "0", &long), "conversion_factor");
        assert_eq!(field("", "PREFERRED", "1", &long), "substitute");
        assert_eq!(field("111-0002", "PREFERRED", "1", &long), "notes");
    }

    #[test]
    fn preferred_substitutes_sort_first() {
        let mut types = [SubstituteType::Emergency, SubstituteType::Preferred];
        types.sort();
        assert_eq!(types[0], SubstituteType::Preferred);
    }
}
