use super::offered;
use crate::FieldError;
use crate::sink::inches::within;
use crate::sink::{FamilyOptions, OptionGroup, SinkChoices};

pub(super) fn check(choices: &SinkChoices, family: &FamilyOptions, errors: &mut Vec<FieldError>) {
    let limits = &family.limits;
    offered(
        errors,
        family,
        OptionGroup::Material,
        "material",
        &choices.material,
        "a material",
    );
    offered(
        errors,
        family,
        OptionGroup::Finish,
        "finish",
        &choices.finish,
        "a finish",
    );
    offered(
        errors,
        family,
        OptionGroup::Mounting,
        "mounting",
        &choices.mounting,
        "a mounting",
    );
    within(errors, "width", &choices.width, limits.width, "Width");
    within(errors, "depth", &choices.depth, limits.depth, "Depth");
    within(errors, "height", &choices.height, limits.height, "Height");
}

#[cfg(test)]
mod tests {
    use crate::sink::test_family::{esr, fields};
    use crate::sink::{SinkChoices, check};

    #[test]
    fn the_body_stays_within_the_family_limits() {
        let family = esr();
        let mut choices = SinkChoices::defaults_for(&family);
        choices.width = "120".to_owned();
        choices.depth = "deep".to_owned();
        let errors = check(&choices, &family);
        assert_eq!(fields(&errors), ["width", "depth"]);
        assert_eq!(errors[0].message, "Width must be between 48 and 96 in.");
    }

    #[test]
    fn a_material_the_family_does_not_offer_is_refused() {
        let family = esr();
        let mut choices = SinkChoices::defaults_for(&family);
        choices.material = "BRASS".to_owned();
        assert_eq!(fields(&check(&choices, &family)), ["material"]);
    }
}
