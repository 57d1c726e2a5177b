use super::offered;
use crate::FieldError;
use crate::sink::{FamilyOptions, OptionGroup, SinkChoices};

pub const MAX_ACCESSORY_QUANTITY: u32 = 10;

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
        let listed_before = choices.accessories[..index]
            .iter()
            .any(|earlier| earlier.code == accessory.code);
        if listed_before {
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
}
