use rust_decimal::Decimal;

use super::{inches, offered};
use crate::FieldError;
use crate::sink::inches::within;
use crate::sink::{FamilyOptions, OptionGroup, SinkChoices};

/// Weld margin between basins and at each end of the deck.
const GAP: Decimal = Decimal::from_parts(2, 0, 0, false, 0);
/// Front and back rim a basin needs within the body depth.
const RIM: Decimal = Decimal::from_parts(4, 0, 0, false, 0);

pub(super) fn check(choices: &SinkChoices, family: &FamilyOptions, errors: &mut Vec<FieldError>) {
    let limits = &family.limits;
    let count = choices.basins.len();
    if count == 0 || count > limits.max_basins {
        errors.push(FieldError::new(
            "basins",
            format!(
                "The {} takes 1 to {} basins.",
                family.name, limits.max_basins
            ),
        ));
        return;
    }
    let body_depth = inches(&choices.depth);
    let mut widths = Vec::with_capacity(count);
    for (index, basin) in choices.basins.iter().enumerate() {
        let field = |name: &str| format!("basins.{index}.{name}");
        widths.push(within(
            errors,
            &field("width"),
            &basin.width,
            limits.basin_width,
            "Basin width",
        ));
        let length = within(
            errors,
            &field("length"),
            &basin.length,
            limits.basin_length,
            "Basin length",
        );
        within(
            errors,
            &field("depth"),
            &basin.depth,
            limits.basin_depth,
            "Basin depth",
        );
        let drain = field("drain_position");
        offered(
            errors,
            family,
            OptionGroup::DrainPosition,
            &drain,
            &basin.drain_position,
            "a drain position",
        );
        if let (Some(length), Some(body_depth)) = (length, body_depth)
            && length + RIM > body_depth
        {
            errors.push(FieldError::new(
                &field("length"),
                format!(
                    "A basin {} in long needs a body at least {} in deep; the body is {} in.",
                    length.normalize(),
                    (length + RIM).normalize(),
                    body_depth.normalize()
                ),
            ));
        }
    }
    let widths: Option<Vec<Decimal>> = widths.into_iter().collect();
    if let (Some(widths), Some(body_width)) = (widths, inches(&choices.width)) {
        let needed = widths.iter().sum::<Decimal>() + GAP * Decimal::from(count + 1);
        if needed > body_width {
            errors.push(FieldError::new(
                "basins",
                format!(
                    "These basins need {} in of deck (2 in between and at each end); the body is {} in wide.",
                    needed.normalize(),
                    body_width.normalize()
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::sink::test_family::{esr, fields};
    use crate::sink::{SinkChoices, check};

    #[test]
    fn no_more_basins_than_the_family_holds() {
        let family = esr();
        let mut choices = SinkChoices::defaults_for(&family);
        choices.set_basin_count(4, &family);
        let errors = check(&choices, &family);
        assert_eq!(fields(&errors), ["basins"]);
        assert_eq!(
            errors[0].message,
            "The Endoscope Reprocessing Sink takes 1 to 3 basins."
        );
    }

    #[test]
    fn basins_must_fit_side_by_side_in_the_body() {
        let family = esr();
        let mut choices = SinkChoices::defaults_for(&family);
        choices.width = "60".to_owned();
        choices.set_basin_count(3, &family);
        for basin in &mut choices.basins {
            basin.width = "18".to_owned();
        }
        let errors = check(&choices, &family);
        assert_eq!(fields(&errors), ["basins"]);
        assert!(
            errors[0].message.contains("need 62 in"),
            "{}",
            errors[0].message
        );
        choices.width = "62".to_owned();
        assert!(check(&choices, &family).is_empty());
    }

    #[test]
    fn each_basin_is_checked_on_its_own_fields() {
        let family = esr();
        let mut choices = SinkChoices::defaults_for(&family);
        choices.set_basin_count(2, &family);
        choices.basins[1].depth = "14".to_owned();
        choices.basins[1].drain_position = "SIDEWAYS".to_owned();
        assert_eq!(
            fields(&check(&choices, &family)),
            ["basins.1.depth", "basins.1.drain_position"]
        );
    }

    #[test]
    fn a_long_basin_needs_a_deep_enough_body() {
        let family = esr();
        let mut choices = SinkChoices::defaults_for(&family);
        choices.depth = "26".to_owned();
        choices.basins[0].length = "24".to_owned();
        let errors = check(&choices, &family);
        assert_eq!(fields(&errors), ["basins.0.length"]);
        assert!(errors[0].message.contains("at least 28 in deep"));
    }
}
