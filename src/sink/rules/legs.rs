use rust_decimal::Decimal;

use super::offered;
use crate::sink::inches::within;
use crate::sink::{FamilyOptions, LegKind, Mounting, OptionGroup, SinkChoices};
use crate::{DbEnum, FieldError};

/// The least travel that makes a height-adjustable frame worth its price.
const MIN_TRAVEL: Decimal = Decimal::from_parts(4, 0, 0, false, 0);

pub(super) fn check(choices: &SinkChoices, family: &FamilyOptions, errors: &mut Vec<FieldError>) {
    offered(
        errors,
        family,
        OptionGroup::Legs,
        "legs",
        &choices.legs,
        "a support",
    );
    let Some(kind) = choices.leg_kind() else {
        return;
    };
    let wall_hung = Mounting::parse(&choices.mounting) == Ok(Mounting::WallHung);
    if wall_hung && kind != LegKind::WallBrackets {
        errors.push(FieldError::new(
            "legs",
            "A wall-hung sink hangs on wall brackets: choose wall brackets, or another mounting.",
        ));
    } else if !wall_hung && kind == LegKind::WallBrackets {
        errors.push(FieldError::new(
            "legs",
            "Wall brackets carry only a wall-hung sink: choose legs, or wall-hung mounting.",
        ));
    }
    let heights = family.limits.height;
    let low = within(
        errors,
        "leg_height_min",
        &choices.leg_height_min,
        heights,
        "Working height",
    );
    if !kind.adjustable() {
        return;
    }
    let high = within(
        errors,
        "leg_height_max",
        &choices.leg_height_max,
        heights,
        "Top height",
    );
    if let (Some(low), Some(high)) = (low, high)
        && high - low < MIN_TRAVEL
    {
        errors.push(FieldError::new(
            "leg_height_max",
            format!(
                "A height-adjustable frame travels at least 4 in: make the top height at least {} in.",
                (low + MIN_TRAVEL).normalize()
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::sink::test_family::{esr, fields};
    use crate::sink::{SinkChoices, check};

    #[test]
    fn wall_hung_sinks_hang_on_brackets() {
        let family = esr();
        let mut choices = SinkChoices::defaults_for(&family);
        choices.mounting = "WALL_HUNG".to_owned();
        assert_eq!(fields(&check(&choices, &family)), ["legs"]);
        choices.legs = "WALL_BRACKETS".to_owned();
        assert!(check(&choices, &family).is_empty());
        choices.mounting = "FREESTANDING".to_owned();
        assert_eq!(fields(&check(&choices, &family)), ["legs"]);
    }

    #[test]
    fn adjustable_frames_need_a_real_travel() {
        let family = esr();
        let mut choices = SinkChoices::defaults_for(&family);
        choices.legs = "ELECTRIC".to_owned();
        choices.leg_height_min = "34".to_owned();
        choices.leg_height_max = "36".to_owned();
        let errors = check(&choices, &family);
        assert_eq!(fields(&errors), ["leg_height_max"]);
        assert!(errors[0].message.contains("at least 38 in"));
        choices.leg_height_max = "40".to_owned();
        assert!(check(&choices, &family).is_empty());
    }

    #[test]
    fn fixed_legs_have_one_working_height_within_limits() {
        let family = esr();
        let mut choices = SinkChoices::defaults_for(&family);
        choices.leg_height_min = "50".to_owned();
        choices.leg_height_max = String::new();
        assert_eq!(fields(&check(&choices, &family)), ["leg_height_min"]);
    }
}
