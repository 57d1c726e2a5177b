//! A new order as the order desk types it, checked against the order date
//! the server supplies (the domain has no clock).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::text::limited;
use crate::unit_serial::SerialScheme;
use crate::{DbEnum, FieldError, OrderPriority};

/// The customer's PO number: `orders.customer_po_number VARCHAR(100)`.
pub const PO_LIMIT: usize = 100;
/// Special instructions (a `TEXT` column): a page of text.
pub const INSTRUCTIONS_LIMIT: usize = 2_000;

crate::db_enum::db_enum! {
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum OrderType: "order type" {
        /// Sinks built to a configuration.
        Production = "PRODUCTION" as "Production",
        /// Parts and labour for installed sinks.
        Service = "SERVICE" as "Service",
        Warranty = "WARRANTY" as "Warranty",
        Sample = "SAMPLE" as "Sample",
    }
}

impl OrderType {
    /// Production and sample orders are sinks built to a configuration.
    pub fn builds_sinks(self) -> bool {
        matches!(self, Self::Production | Self::Sample)
    }
}

/// What the order desk types for a new order: the customer and type, fixed
/// once the order exists, and the header, which can change until it ships.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrderDraft {
    pub customer_number: String,
    pub order_type: String,
    pub header: HeaderDraft,
}

/// An order's header as typed: on the new-order form and when it is edited.
/// The address and contact are ids picked from the customer's own; the
/// server checks they are that customer's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HeaderDraft {
    pub customer_po_number: String,
    pub priority: String,
    pub requested_ship_date: String,
    pub promised_ship_date: String,
    pub special_instructions: String,
    pub ship_to_address_id: String,
    pub contact_id: String,
    /// How the units are numbered (`SerialScheme`); empty: by build number.
    pub unit_serials: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSpec {
    pub customer_number: String,
    pub order_type: OrderType,
    pub header: HeaderSpec,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeaderSpec {
    pub customer_po_number: Option<String>,
    pub priority: OrderPriority,
    pub requested_ship_date: Option<NaiveDate>,
    pub promised_ship_date: Option<NaiveDate>,
    pub special_instructions: Option<String>,
    /// `None`: the customer's default shipping address.
    pub ship_to_address_id: Option<String>,
    /// `None`: the customer's primary contact.
    pub contact_id: Option<String>,
    pub unit_serials: SerialScheme,
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

fn optional(raw: &str) -> Option<String> {
    Some(raw.trim().to_owned()).filter(|text| !text.is_empty())
}

impl HeaderDraft {
    /// The most characters each text field of the header holds.
    pub fn text_limit(field: &str) -> Option<usize> {
        match field {
            "customer_po_number" => Some(PO_LIMIT),
            "special_instructions" => Some(INSTRUCTIONS_LIMIT),
            _ => None,
        }
    }

    /// Checks the header of an order placed on `order_date`; problems are
    /// added to `errors`.
    fn check(&self, order_date: NaiveDate, errors: &mut Vec<FieldError>) -> HeaderSpec {
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
        let priority = match self.priority.trim() {
            "" => OrderPriority::Standard,
            value => OrderPriority::parse(value).unwrap_or_else(|_| {
                errors.push(FieldError::new("priority", "Choose a priority."));
                OrderPriority::Standard
            }),
        };
        let unit_serials = match self.unit_serials.trim() {
            "" => SerialScheme::BuildNumber,
            value => SerialScheme::parse(value).unwrap_or_else(|_| {
                errors.push(FieldError::new(
                    "unit_serials",
                    "Choose how the units are numbered.",
                ));
                SerialScheme::BuildNumber
            }),
        };
        HeaderSpec {
            customer_po_number,
            priority,
            unit_serials,
            requested_ship_date: ship_date(
                errors,
                "requested_ship_date",
                &self.requested_ship_date,
                order_date,
            ),
            promised_ship_date: ship_date(
                errors,
                "promised_ship_date",
                &self.promised_ship_date,
                order_date,
            ),
            special_instructions,
            ship_to_address_id: optional(&self.ship_to_address_id),
            contact_id: optional(&self.contact_id),
        }
    }

    /// Checks an edited header of an order placed on `order_date`.
    pub fn validate(&self, order_date: NaiveDate) -> Result<HeaderSpec, Vec<FieldError>> {
        let mut errors = Vec::new();
        let header = self.check(order_date, &mut errors);
        if errors.is_empty() {
            Ok(header)
        } else {
            Err(errors)
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
        let order_type = match self.order_type.trim() {
            "" => OrderType::Production,
            value => OrderType::parse(value).unwrap_or_else(|_| {
                errors.push(FieldError::new("order_type", "Choose an order type."));
                OrderType::Production
            }),
        };
        let header = self.header.check(order_date, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(OrderSpec {
            customer_number,
            order_type,
            header,
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
            (spec.order_type, spec.header.priority),
            (OrderType::Production, OrderPriority::Standard)
        );
    }

    #[test]
    fn a_po_number_too_long_is_refused_not_cut() {
        let errors = OrderDraft {
            customer_number: "C-10001".into(),
            header: HeaderDraft {
                customer_po_number: "7".repeat(10_025),
                ..HeaderDraft::default()
            },
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
            header: HeaderDraft {
                requested_ship_date: "2026-11-24".into(),
                promised_ship_date: "next week".into(),
                ..HeaderDraft::default()
            },
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

    #[test]
    fn an_edited_header_keeps_its_choices_and_drops_blank_text() {
        let header = HeaderDraft {
            customer_po_number: "  PO-9 ".into(),
            priority: "RUSH".into(),
            special_instructions: "   ".into(),
            ship_to_address_id: "a1".into(),
            ..HeaderDraft::default()
        }
        .validate(today())
        .unwrap();
        assert_eq!(header.customer_po_number.as_deref(), Some("PO-9"));
        assert_eq!(header.priority, OrderPriority::Rush);
        assert_eq!(header.special_instructions, None);
        assert_eq!(
            (header.ship_to_address_id.as_deref(), header.contact_id),
            (Some("a1"), None)
        );
    }

    #[test]
    fn units_are_numbered_by_build_unless_the_order_names_serial_plates() {
        let by_default = HeaderDraft::default().validate(today()).unwrap();
        assert_eq!(by_default.unit_serials, SerialScheme::BuildNumber);
        let plates = HeaderDraft {
            unit_serials: "SERIAL_PLATE".into(),
            ..HeaderDraft::default()
        };
        assert_eq!(
            plates.validate(today()).unwrap().unit_serials,
            SerialScheme::SerialPlate
        );
        let unknown = HeaderDraft {
            unit_serials: "STICKER".into(),
            ..HeaderDraft::default()
        }
        .validate(today())
        .unwrap_err();
        assert_eq!(unknown[0].field, "unit_serials");
    }

    #[test]
    fn an_edited_header_says_what_is_wrong_at_each_field() {
        let errors = HeaderDraft {
            customer_po_number: "P".repeat(101),
            priority: "SOON".into(),
            promised_ship_date: "2026-01-01".into(),
            ..HeaderDraft::default()
        }
        .validate(today())
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|error| error.field.as_str()).collect();
        assert_eq!(
            fields,
            ["customer_po_number", "priority", "promised_ship_date"]
        );
    }
}
