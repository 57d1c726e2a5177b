use rust_decimal::Decimal;

use super::{inches, offered};
use crate::sink::inches::within;
use crate::sink::{FamilyOptions, Mounting, OptionGroup, PegboardKind, SinkChoices, Span};
use crate::{DbEnum, FieldError};

const HEIGHT: Span = Span {
    min: Decimal::from_parts(12, 0, 0, false, 0),
    max: Decimal::from_parts(48, 0, 0, false, 0),
};

pub(super) fn check(choices: &SinkChoices, family: &FamilyOptions, errors: &mut Vec<FieldError>) {
    offered(
        errors,
        family,
        OptionGroup::Pegboard,
        "pegboard",
        &choices.pegboard,
        "a pegboard option",
    );
    let Ok(kind) = PegboardKind::parse(&choices.pegboard) else {
        return;
    };
    if kind != PegboardKind::None && Mounting::parse(&choices.mounting) == Ok(Mounting::Island) {
        errors.push(FieldError::new(
            "pegboard",
            "An island sink has no back to carry a pegboard: choose no pegboard, or another mounting.",
        ));
    }
    if kind != PegboardKind::Custom {
        return;
    }
    let body_width = inches(&choices.width).unwrap_or(family.limits.width.max);
    let width = Span {
        min: HEIGHT.min,
        max: body_width,
    };
    if let Ok(typed) = crate::sink::parse_inches(&choices.pegboard_width)
        && typed > body_width
    {
        errors.push(FieldError::new(
            "pegboard_width",
            format!(
                "A custom pegboard can be at most as wide as the body ({} in).",
                body_width.normalize()
            ),
        ));
    } else {
        within(
            errors,
            "pegboard_width",
            &choices.pegboard_width,
            width,
            "Pegboard width",
        );
    }
    within(
        errors,
        "pegboard_height",
        &choices.pegboard_height,
        HEIGHT,
        "Pegboard height",
    );
}

#[cfg(test)]
mod tests {
    use crate::sink::test_family::{esr, fields};
    use crate::sink::{SinkChoices, check};

    #[test]
    fn a_custom_pegboard_cannot_be_wider_than_the_body() {
        let family = esr();
        let mut choices = SinkChoices::defaults_for(&family);
        choices.pegboard = "CUSTOM".to_owned();
        choices.pegboard_width = "80".to_owned();
        choices.pegboard_height = "36".to_owned();
        let errors = check(&choices, &family);
        assert_eq!(fields(&errors), ["pegboard_width"]);
        assert_eq!(
            errors[0].message,
            "A custom pegboard can be at most as wide as the body (72 in)."
        );
        choices.pegboard_width = "72".to_owned();
        assert!(check(&choices, &family).is_empty());
    }

    #[test]
    fn an_island_sink_carries_no_pegboard() {
        let family = esr();
        let mut choices = SinkChoices::defaults_for(&family);
        choices.mounting = "ISLAND".to_owned();
        choices.pegboard = "STANDARD".to_owned();
        assert_eq!(fields(&check(&choices, &family)), ["pegboard"]);
    }
}
