use serde::{Deserialize, Serialize};

use crate::text::{optional, required, ticked};
use crate::{DbEnum, FieldError};

crate::db_enum::db_enum! {
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum AddressType: "address type" {
        Billing = "BILLING" as "Billing",
        Shipping = "SHIPPING" as "Shipping",
        Both = "BOTH" as "Billing and shipping",
    }
}

impl AddressType {
    pub fn bills(self) -> bool {
        self != Self::Shipping
    }

    pub fn ships(self) -> bool {
        self != Self::Billing
    }

    /// Whether an address of this type may be the customer's default
    /// billing (`billing`) or shipping address; the refusal says why.
    pub fn may_default(self, billing: bool) -> Result<(), String> {
        let may = if billing { self.bills() } else { self.ships() };
        if may {
            return Ok(());
        }
        Err(format!(
            "A {} address cannot be the default for that.",
            self.label().to_lowercase()
        ))
    }
}

/// The address form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AddressDraft {
    pub address_type: String,
    pub label: String,
    pub street_address_1: String,
    pub street_address_2: String,
    pub city: String,
    pub state_province: String,
    pub postal_code: String,
    pub country: String,
    pub default_billing: String,
    pub default_shipping: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressSpec {
    pub address_type: AddressType,
    pub label: Option<String>,
    pub street_address_1: String,
    pub street_address_2: Option<String>,
    pub city: String,
    pub state_province: String,
    pub postal_code: String,
    pub country: String,
    pub default_billing: bool,
    pub default_shipping: bool,
}

impl AddressDraft {
    /// The most characters each text field holds: the columns of
    /// `public.customer_addresses`.
    pub fn text_limit(field: &str) -> Option<usize> {
        match field {
            "street_address_1" | "street_address_2" => Some(255),
            "label" | "city" | "state_province" | "country" => Some(100),
            "postal_code" => Some(20),
            _ => None,
        }
    }

    pub fn validate(&self) -> Result<AddressSpec, Vec<FieldError>> {
        let mut errors = Vec::new();
        let address_type = AddressType::parse(self.address_type.trim()).unwrap_or_else(|_| {
            errors.push(FieldError::new(
                "address_type",
                "Choose billing, shipping or both.",
            ));
            AddressType::Both
        });
        let limits = Self::text_limit;
        let label = optional(&mut errors, limits, "label", &self.label);
        let street_address_1 = required(
            &mut errors,
            limits,
            "street_address_1",
            &self.street_address_1,
        );
        let street_address_2 = optional(
            &mut errors,
            limits,
            "street_address_2",
            &self.street_address_2,
        );
        let city = required(&mut errors, limits, "city", &self.city);
        let state_province = required(&mut errors, limits, "state_province", &self.state_province);
        let postal_code = required(&mut errors, limits, "postal_code", &self.postal_code);
        let country = optional(&mut errors, limits, "country", &self.country)
            .unwrap_or_else(|| "United States".into());
        let default_billing = ticked(&self.default_billing);
        let default_shipping = ticked(&self.default_shipping);
        if default_billing && !address_type.bills() {
            errors.push(FieldError::new(
                "default_billing",
                "A shipping-only address cannot be the billing default.",
            ));
        }
        if default_shipping && !address_type.ships() {
            errors.push(FieldError::new(
                "default_shipping",
                "A billing-only address cannot be the shipping default.",
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(AddressSpec {
            address_type,
            label,
            street_address_1,
            street_address_2,
            city,
            state_province,
            postal_code,
            country,
            default_billing,
            default_shipping,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> AddressDraft {
        AddressDraft {
            address_type: "SHIPPING".into(),
            street_address_1: "1 Dock Rd".into(),
            city: "Springfield".into(),
            state_province: "IL".into(),
            postal_code: "62701".into(),
            ..AddressDraft::default()
        }
    }

    #[test]
    fn the_required_parts_are_named_when_missing() {
        let fields: Vec<_> = AddressDraft {
            address_type: "BOTH".into(),
            ..AddressDraft::default()
        }
        .validate()
        .unwrap_err()
        .into_iter()
        .map(|error| error.field)
        .collect();
        assert_eq!(
            fields,
            ["street_address_1", "city", "state_province", "postal_code"]
        );
        assert_eq!(draft().validate().unwrap().country, "United States");
    }

    #[test]
    fn a_postal_code_longer_than_its_column_is_refused_with_both_lengths() {
        let errors = AddressDraft {
            postal_code: "6".repeat(21),
            ..draft()
        }
        .validate()
        .unwrap_err();
        assert_eq!(errors[0].field, "postal_code");
        assert_eq!(errors[0].message, "At most 20 characters; this has 21.");
        assert_eq!(AddressDraft::text_limit("postal_code"), Some(20));
        assert_eq!(AddressDraft::text_limit("street_address_2"), Some(255));
    }

    #[test]
    fn only_an_address_that_bills_is_the_default_billing_address() {
        assert_eq!(AddressType::Both.may_default(true), Ok(()));
        assert_eq!(AddressType::Billing.may_default(true), Ok(()));
        assert_eq!(
            AddressType::Shipping.may_default(true),
            Err("A shipping address cannot be the default for that.".to_owned())
        );
        assert!(AddressType::Billing.may_default(false).is_err());
    }

    #[test]
    fn defaults_must_match_what_the_address_is_for() {
        let billing_default = AddressDraft {
            default_billing: "yes".into(),
            ..draft()
        };
        assert_eq!(
            billing_default.validate().unwrap_err()[0].field,
            "default_billing"
        );
        let shipping_default = AddressDraft {
            default_shipping: "on".into(),
            ..draft()
        };
        assert!(shipping_default.validate().unwrap().default_shipping);
    }
}
