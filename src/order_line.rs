//! A line item of a service or warranty order as the order desk types it:
//! a catalogue part, a quantity, a unit price and a discount.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::{FieldError, PartNumber};

/// The most of one part a single line orders.
pub const MAX_QUANTITY: i32 = 10_000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LineItemDraft {
    pub part_number: String,
    pub quantity: String,
    pub unit_price: String,
    pub discount_percent: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineItemSpec {
    pub part_number: PartNumber,
    pub quantity: i32,
    pub unit_price: Decimal,
    pub discount_percent: Decimal,
}

/// A decimal of at most two places within `min..=max`; empty is `None`.
fn decimal(
    errors: &mut Vec<FieldError>,
    field: &str,
    raw: &str,
    (min, max): (Decimal, Decimal),
    message: &str,
) -> Option<Decimal> {
    let raw = raw.trim().trim_start_matches('$').replace(',', "");
    if raw.is_empty() {
        return None;
    }
    match Decimal::from_str(&raw) {
        Ok(value) if value >= min && value <= max && value.normalize().scale() <= 2 => Some(value),
        _ => {
            errors.push(FieldError::new(field, message));
            None
        }
    }
}

impl LineItemDraft {
    pub fn validate(&self) -> Result<LineItemSpec, Vec<FieldError>> {
        let mut errors = Vec::new();
        let part_number = PartNumber::parse(&self.part_number)
            .map_err(|_| {
                errors.push(FieldError::new(
                    "part_number",
                    "Choose a part from the catalogue.",
                ))
            })
            .ok();
        let quantity = self
            .quantity
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|quantity| (1..=MAX_QUANTITY).contains(quantity));
        if quantity.is_none() {
            errors.push(FieldError::new(
                "quantity",
                format!("Quantity is a whole number from 1 to {MAX_QUANTITY}."),
            ));
        }
        let price_range = (Decimal::ZERO, Decimal::new(99_999_999, 2));
        let unit_price = decimal(
            &mut errors,
            "unit_price",
            &self.unit_price,
            price_range,
            "Enter a price such as 172.50.",
        );
        if unit_price.is_none() && self.unit_price.trim().is_empty() {
            errors.push(FieldError::new("unit_price", "Enter the unit price."));
        }
        let discount = decimal(
            &mut errors,
            "discount_percent",
            &self.discount_percent,
            (Decimal::ZERO, Decimal::ONE_HUNDRED),
            "A discount is a percentage from 0 to 100.",
        );
        match (part_number, quantity, unit_price) {
            (Some(part_number), Some(quantity), Some(unit_price)) if errors.is_empty() => {
                Ok(LineItemSpec {
                    part_number,
                    quantity,
                    unit_price,
                    discount_percent: discount.unwrap_or(Decimal::ZERO),
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(quantity: &str, price: &str, discount: &str) -> LineItemDraft {
        LineItemDraft {
            part_number: "421-0001".into(),
            quantity: quantity.into(),
            unit_price: price.into(),
            discount_percent: discount.into(),
        }
    }

    fn fields(draft: &LineItemDraft) -> Vec<String> {
        draft
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|error| error.field)
            .collect()
    }

    #[test]
    fn a_line_is_a_part_a_quantity_a_price_and_an_optional_discount() {
        let spec = draft("2", "$1,172.50", "").validate().unwrap();
        assert_eq!(spec.quantity, 2);
        assert_eq!(spec.unit_price, Decimal::new(117250, 2));
        assert_eq!(spec.discount_percent, Decimal::ZERO);
    }

    #[test]
    fn quantities_are_positive_and_discounts_between_0_and_100() {
        assert_eq!(fields(&draft("0", "10", "")), ["quantity"]);
        assert_eq!(fields(&draft("1.5", "10", "")), ["quantity"]);
        assert_eq!(fields(&draft("1", "10", "100.5")), ["discount_percent"]);
        assert_eq!(fields(&draft("1", "10", "-1")), ["discount_percent"]);
        assert!(draft("1", "10", "100").validate().is_ok());
    }

    #[test]
    fn a_price_is_required_money() {
        assert_eq!(fields(&draft("1", "", "")), ["unit_price"]);
        assert_eq!(fields(&draft("1", "12.345", "")), ["unit_price"]);
        assert_eq!(fields(&draft("1", "-3", "")), ["unit_price"]);
    }
}
