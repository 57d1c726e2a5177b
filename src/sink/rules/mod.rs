//! The rules a configuration must meet before it can be built, grouped by
//! the part of the sink they concern. Each broken rule names the field to fix.

mod basins;
mod body;
mod fittings;
pub use fittings::{MAX_ACCESSORY_QUANTITY, accessory_quantity};
mod legs;
mod pegboard;

use rust_decimal::Decimal;

use super::{FamilyOptions, OptionGroup, SinkChoices, parse_inches};
use crate::FieldError;

pub const MAX_QUANTITY: u32 = 99;

/// Every rule `choices` breaks; empty when the sink can be built.
pub fn check(choices: &SinkChoices, family: &FamilyOptions) -> Vec<FieldError> {
    let Some(mut errors) = counted(choices, family) else {
        return vec![FieldError::new("family", "Choose a sink family.")];
    };
    body::check(choices, family, &mut errors);
    basins::check(choices, family, &mut errors);
    pegboard::check(choices, family, &mut errors);
    legs::check(choices, family, &mut errors);
    fittings::check(choices, family, &mut errors);
    errors
}

/// What keeps `choices` from being saved even as a draft: a count that is
/// not a count or a length that is not a number. Whether the sink can be
/// built is `check`'s question, asked when the configuration is validated.
pub fn draft_check(choices: &SinkChoices, family: &FamilyOptions) -> Vec<FieldError> {
    let Some(mut errors) = counted(choices, family) else {
        return vec![FieldError::new("family", "Choose a sink family.")];
    };
    let mut lengths: Vec<(String, &str)> = vec![
        ("width".into(), &choices.width),
        ("depth".into(), &choices.depth),
        ("height".into(), &choices.height),
        ("pegboard_width".into(), &choices.pegboard_width),
        ("pegboard_height".into(), &choices.pegboard_height),
        ("leg_height_min".into(), &choices.leg_height_min),
        ("leg_height_max".into(), &choices.leg_height_max),
    ];
    for (index, basin) in choices.basins.iter().enumerate() {
        lengths.push((format!("basins.{index}.width"), &basin.width));
        lengths.push((format!("basins.{index}.length"), &basin.length));
        lengths.push((format!("basins.{index}.depth"), &basin.depth));
    }
    for (field, raw) in lengths {
        if let (false, Err(message)) = (raw.trim().is_empty(), parse_inches(raw)) {
            errors.push(FieldError::new(&field, message));
        }
    }
    for (index, accessory) in choices.accessories.iter().enumerate() {
        if accessory_quantity(&accessory.quantity).is_none() {
            errors.push(FieldError::new(
                &format!("accessories.{index}.quantity"),
                format!("Quantity is a whole number from 1 to {MAX_ACCESSORY_QUANTITY}."),
            ));
        }
    }
    errors
}

/// The checks every save starts with: the choices are for this family
/// (`None` otherwise) and name a quantity.
fn counted(choices: &SinkChoices, family: &FamilyOptions) -> Option<Vec<FieldError>> {
    if choices.family != family.code {
        return None;
    }
    let mut errors = Vec::new();
    if quantity(&choices.quantity).is_none() {
        errors.push(FieldError::new(
            "quantity",
            format!("Quantity is a whole number from 1 to {MAX_QUANTITY}."),
        ));
    }
    Some(errors)
}

/// How many identical sinks the configuration is for.
pub fn quantity(raw: &str) -> Option<u32> {
    raw.trim()
        .parse::<u32>()
        .ok()
        .filter(|count| (1..=MAX_QUANTITY).contains(count))
}

/// Checks `code` is one of the family's options in `group`.
fn offered(
    errors: &mut Vec<FieldError>,
    family: &FamilyOptions,
    group: OptionGroup,
    field: &str,
    code: &str,
    what: &str,
) {
    if family.find(group, code).is_none() {
        errors.push(FieldError::new(
            field,
            format!("Choose {what} that the {} offers.", family.name),
        ));
    }
}

/// A dimension other rules compare against, when it reads as one.
fn inches(raw: &str) -> Option<Decimal> {
    parse_inches(raw).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::test_family::{esr, fields};

    #[test]
    fn every_family_default_is_a_buildable_sink() {
        let family = esr();
        assert!(check(&SinkChoices::defaults_for(&family), &family).is_empty());
    }

    #[test]
    fn a_draft_keeps_broken_rules_but_not_unreadable_numbers() {
        let family = esr();
        let mut choices = SinkChoices::defaults_for(&family);
        choices.width = "500".to_owned();
        assert!(draft_check(&choices, &family).is_empty());
        assert_eq!(fields(&check(&choices, &family)), ["width"]);
        choices.width = "wide".to_owned();
        choices.quantity = "0".to_owned();
        choices.pegboard_width = String::new();
        assert_eq!(
            fields(&draft_check(&choices, &family)),
            ["quantity", "width"]
        );
    }

    #[test]
    fn choices_for_another_family_are_refused() {
        let family = esr();
        let mut choices = SinkChoices::defaults_for(&family);
        choices.family = "LAB".to_owned();
        assert_eq!(fields(&check(&choices, &family)), ["family"]);
    }
}
