//! Faucet, drain and accessories. Each accessory is listed once, and a
//! list longer than any family's offer is refused whole, so the checks of
//! a configuration stay small whatever list a request sends.

use std::collections::HashSet;

use super::offered;
use crate::FieldError;
use crate::sink::{FamilyOptions, OptionGroup, SinkChoices};

pub const MAX_ACCESSORY_QUANTITY: u32 = 10;
/// More accessories than any family offers.
pub const MAX_ACCESSORIES: usize = 50;

pub(super) fn check(choices: &SinkChoices, family: &FamilyOptions, errors: &mut Vec<FieldError>) {
    offered(
        errors,
        family,
        OptionGroup::Faucet,
        "faucet",
        &choices.faucet,
        "a faucet",
    );
    offered(
        errors,
        family,
        OptionGroup::Drain,
        "drain",
        &choices.drain,
        "a drain",
    );
    if choices.accessories.len() > MAX_ACCESSORIES {
        errors.push(FieldError::new(
            "accessories",
            format!("List at most {MAX_ACCESSORIES} accessories, each once."),
        ));
        return;
    }
    let mut listed = HashSet::with_capacity(choices.accessories.len());
    for (index, accessory) in choices.accessories.iter().enumerate() {
        let code = format!("accessories.{index}.code");
        offered(
            errors,
            family,
            OptionGroup::Accessory,
            &code,
            &accessory.code,
            "an accessory",
        );
        if !listed.insert(accessory.code.as_str()) {
            errors.push(FieldError::new(
                &code,
                "This accessory is listed already: change its quantity instead.",
            ));
        }
        if accessory_quantity(&accessory.quantity).is_none() {
            errors.push(FieldError::new(
                &format!("accessories.{index}.quantity"),
                format!("Quantity is a whole number from 1 to {MAX_ACCESSORY_QUANTITY}."),
            ));
        }
    }
}

pub fn accessory_quantity(raw: &str) -> Option<u32> {
    raw.trim()
        .parse::<u32>()
        .ok()
        .filter(|count| (1..=MAX_ACCESSORY_QUANTITY).contains(count))
}

#[cfg(test)]
mod tests {
    use super::MAX_ACCESSORIES;
    use crate::sink::test_family::{esr, fields};
    use crate::sink::{AccessoryChoice, SinkChoices, check};

    fn accessory(code: &str, quantity: &str) -> AccessoryChoice {
        AccessoryChoice {
            code: code.to_owned(),
            quantity: quantity.to_owned(),
        }
    }

    #[test]
    fn accessories_are_offered_counted_and_listed_once() {
        let family = esr();
        let mut choices = SinkChoices::defaults_for(&family);
        choices.accessories = vec![
            accessory("DOSING_PUMP", "2"),
            accessory("ESPRESSO_MACHINE", "1"),
            accessory("DOSING_PUMP", "0"),
        ];
        assert_eq!(
            fields(&check(&choices, &family)),
            [
                "accessories.1.code",
                "accessories.2.code",
                "accessories.2.quantity"
            ]
        );
    }

    #[test]
    fn a_list_longer_than_any_offer_is_refused_once_whole() {
        let family = esr();
        let mut choices = SinkChoices::defaults_for(&family);
        choices.accessories = vec![accessory("DOSING_PUMP", "1"); MAX_ACCESSORIES];
        assert_eq!(check(&choices, &family).len(), MAX_ACCESSORIES - 1);
        // Checked one by one, ten thousand copies would give ten thousand
        // messages, each found by comparing with every accessory before it.
        choices.accessories = vec![accessory("DOSING_PUMP", "1"); 10_000];
        let errors = check(&choices, &family);
        assert_eq!(fields(&errors), ["accessories"]);
        assert_eq!(errors[0].message, "List at most 50 accessories, each once.");
    }
}
