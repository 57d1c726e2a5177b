//! Stock changes as typed on the part page: goods received with their
//! delivery note, and a count's correction with its reason. Each is parsed
//! here, the first problem said at its field, so the stock service only
//! ever sees a quantity within bounds and text that fits its column.

use crate::FieldError;
use crate::stock::{Quantity, REASON_LIMIT, RECEIPT_NOTE_LIMIT, ReasonRequired, parse_adjustment};
use crate::text::limited;

/// Goods in: how many, and the delivery note or PO they came with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub quantity: Quantity,
    pub note: Option<String>,
}

impl Receipt {
    /// The most characters each text field of the receipt form holds.
    pub fn text_limit(field: &str) -> Option<usize> {
        (field == "note").then_some(RECEIPT_NOTE_LIMIT)
    }

    pub fn parse(quantity: &str, note: &str) -> Result<Self, FieldError> {
        let quantity =
            Quantity::parse(quantity).map_err(|message| FieldError::new("quantity", message))?;
        let note = limited(note, RECEIPT_NOTE_LIMIT)
            .map_err(|message| FieldError::new("note", message))?;
        Ok(Self { quantity, note })
    }
}

/// A count's correction, up or down, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adjustment {
    pub change: i32,
    pub reason: String,
}

impl Adjustment {
    /// The most characters each text field of the count's form holds.
    pub fn text_limit(field: &str) -> Option<usize> {
        (field == "reason").then_some(REASON_LIMIT)
    }

    pub fn parse(change: &str, reason: &str) -> Result<Self, FieldError> {
        let change =
            parse_adjustment(change).map_err(|message| FieldError::new("change", message))?;
        let reason = limited(reason, REASON_LIMIT)
            .map_err(|message| FieldError::new("reason", message))?
            .ok_or_else(|| FieldError::new("reason", ReasonRequired.to_string()))?;
        Ok(Self { change, reason })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_receipt_is_a_quantity_above_zero_with_an_optional_note() {
        let receipt = Receipt::parse(" 12 ", "  PO-4711 ").unwrap();
        assert_eq!(
            (receipt.quantity.get(), receipt.note.as_deref()),
            (12, Some("PO-4711"))
        );
        assert_eq!(Receipt::parse("3", "").unwrap().note, None);
        assert_eq!(
            Receipt::parse("0", ""),
            Err(FieldError::new(
                "quantity",
                "Enter a number greater than zero."
            ))
        );
    }

    #[test]
    fn each_form_limits_its_text_to_what_its_parse_accepts() {
        let note = Receipt::text_limit("note").unwrap();
        assert!(Receipt::parse("1", &"P".repeat(note)).is_ok());
        assert!(Receipt::parse("1", &"P".repeat(note + 1)).is_err());
        let reason = Adjustment::text_limit("reason").unwrap();
        assert!(Adjustment::parse("1", &"R".repeat(reason)).is_ok());
        assert!(Adjustment::parse("1", &"R".repeat(reason + 1)).is_err());
        assert_eq!(Receipt::text_limit("quantity"), None);
    }

    #[test]
    fn a_receipt_note_longer_than_the_ledger_holds_is_refused_at_the_note() {
        assert_eq!(
            Receipt::parse("1", &"P".repeat(101)),
            Err(FieldError::new(
                "note",
                "At most 100 characters; this has 101."
            ))
        );
    }

    #[test]
    fn a_quantity_is_checked_before_the_note() {
        assert_eq!(
            Receipt::parse("x", &"P".repeat(101)).unwrap_err().field,
            "quantity"
        );
    }

    #[test]
    fn an_adjustment_goes_up_or_down_and_keeps_its_reason_trimmed() {
        assert_eq!(
            Adjustment::parse("-2", " cycle count "),
            Ok(Adjustment {
                change: -2,
                reason: "cycle count".to_owned()
            })
        );
        assert_eq!(Adjustment::parse("+3", "found").map(|a| a.change), Ok(3));
    }

    #[test]
    fn an_adjustment_without_a_reason_is_refused_at_the_reason() {
        assert_eq!(
            Adjustment::parse("-1", "  "),
            Err(FieldError::new("reason", "An adjustment needs a reason."))
        );
    }

    #[test]
    fn a_reason_longer_than_a_page_is_refused_with_its_length() {
        assert_eq!(
            Adjustment::parse("1", &"x".repeat(2_001)),
            Err(FieldError::new(
                "reason",
                "At most 2,000 characters; this has 2,001."
            ))
        );
    }

    #[test]
    fn a_change_beyond_a_million_is_refused_at_the_change() {
        assert_eq!(
            Adjustment::parse("-1e20", "count").unwrap_err(),
            FieldError::new("change", "At least -1,000,000.")
        );
    }
}
