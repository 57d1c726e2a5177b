//! A new order as the order desk types it, checked against the order date
//! the server supplies (the domain has no clock).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::text::limited;
use crate::{DbEnum, FieldError, OrderPriority};

/// The customer's PO number: `orders.customer_po_number VARCHAR(100)`.
pub const PO_LIMIT: usize = 100;
/// Special instructions (a `TEXT` column): a page of text.
pub const INSTRUCTIONS_LIMIT: usize = 2_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum OrderType {
    /// Sinks built to a configuration.
    Production,
    /// Parts and labour for installed sinks.
    Service,
    Warranty,
    Sample,
}

impl DbEnum for OrderType {
    const KIND: &'static str = "order type";
    const ALL: &'static [Self] = &[
        Self::Production,
        Self::Service,
        Self::Warranty,
        Self::Sample,
    ];

    fn as_db_str(self) -> &'static str {
        match self {
            Self::Production => "PRODUCTION",
            Self::Service => "SERVICE",
            Self::Warranty => "WARRANTY",
            Self::Sample => "SAMPLE",
        }
    }
}

impl OrderType {
    pub fn label(self) -> &'static str {
        match self {
            Self::Production => "Production",
            Self::Service => "Service",
            Self::Warranty => "Warranty",
            Self::Sample => "Sample",
        }
    }

    /// Production and sample orders are sinks built to a configuration.
    pub fn builds_sinks(self) -> bool {
        matches!(self, Self::Production | Self::Sample)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrderDraft {
    pub customer_number: String,
    pub customer_po_number: String,
    pub order_type: String,
    pub priority: String,
    pub requested_ship_date: String,
    pub promised_ship_date: String,
    pub special_instructions: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSpec {
    pub customer_number: String,
    pub customer_po_number: Option<String>,
    pub order_type: OrderType,
    pub priority: OrderPriority,
    pub requested_ship_date: Option<NaiveDate>,
    pub promised_ship_date: Option<NaiveDate>,
    pub special_instructions: Option<String>,
}

fn ship_date(
    errors: &mut Vec<FieldError>,
    field: &str,
    raw: &str,
    order_date: NaiveDate,
) -> Option<NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        Ok(date) if date >= order_date => Some(date),
        Ok(_) => {
            errors.push(FieldError::new(
                field,
                format!("Cannot be before the order date, {order_date}."),
            ));
            None
        }
        Err(_) => {
            errors.push(FieldError::new(field, "Enter a date as YYYY-MM-DD."));
            None
        }
    }
}

impl OrderDraft {
    /// Checks the draft for an order placed on `order_date`.
    pub fn validate(&self, order_date: NaiveDate) -> Result<OrderSpec, Vec<FieldError>> {
        let mut errors = Vec::new();
        let customer_number = self.customer_number.trim().to_owned();
        if customer_number.is_empty() {
            errors.push(FieldError::new("customer_number", "Choose the customer."));
        }
        let mut text = |field: &str, raw: &str, max: usize| {
            limited(raw, max)
                .map_err(|message| errors.push(FieldError::new(field, message)))
                .ok()
                .flatten()
        };
        let customer_po_number = text("customer_po_number", &self.customer_po_number, PO_LIMIT);
        let special_instructions = text(
            "special_instructions",
            &self.special_instructions,
            INSTRUCTIONS_LIMIT,
        );
        let order_type = match self.order_type.trim() {
            "" => OrderType::Production,
            value => OrderType::parse(value).unwrap_or_else(|_| {
                errors.push(FieldError::new("order_type", "Choose an order type."));
                OrderType::Production
            }),
        };
        let priority = match self.priority.trim() {
            "" => OrderPriority::Standard,
            value => OrderPriority::parse(value).unwrap_or_else(|_| {
                errors.push(FieldError::new("priority", "Choose a priority."));
                OrderPriority::Standard
            }),
        };
        let requested_ship_date = ship_date(
            &mut errors,
            "requested_ship_date",
            &self.requested_ship_date,
            order_date,
        );
        let promised_ship_date = ship_date(
            &mut errors,
            "promised_ship_date",
            &self.promised_ship_date,
            order_date,
        );
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(OrderSpec {
            customer_number,
            customer_po_number,
            order_type,
            priority,
            requested_ship_date,
            promised_ship_date,
            special_instructions,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn a_customer_is_all_an_order_needs() {
        let spec = OrderDraft {
            customer_number: "C-10001".into(),
            ..OrderDraft::default()
        }
        .validate(today())
        .unwrap();
        assert_eq!(
            (spec.order_type, spec.priority),
            (OrderType::Production, OrderPriority::Standard)
        );
    }

    #[test]
    fn a_po_number_too_long_is_refused_not_cut() {
        let errors = OrderDraft {
            customer_number: "C-10001".into(),
            customer_po_number: "7".repeat(10_025),
            ..OrderDraft::default()
        }
        .validate(today())
        .unwrap_err();
        assert_eq!(errors[0].field, "customer_po_number");
        assert_eq!(
            errors[0].message,
            "At most 100 characters; this has 10,025."
        );
    }

    #[test]
    fn ship_dates_cannot_precede_the_order() {
        let errors = OrderDraft {
            customer_number: "C-10001".into(),
            requested_ship_date: "2026-11-24".into(),
            promised_ship_date: "next week".into(),
            ..OrderDraft::default()
        }
        .validate(today())
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|error| error.field.as_str()).collect();
        assert_eq!(fields, ["requested_ship_date", "promised_ship_date"]);
        assert_eq!(
            errors[0].message,
            "Cannot be before the order date, 2026-11-25."
        );
    }
}
