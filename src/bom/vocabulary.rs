use super::names::{
    ACCESSORY_PART, ACCESSORY_QUANTITY, BASIN, MAX_NAMED_BASINS, SINK, accessory_codes,
    accessory_name, accessory_part_name, basin_name, is_identifier,
};
use crate::rule_language::ValueKind::{self, Number, Text};
use crate::sink::FamilyOptions;

/// The kind of a variable a template may use. It does not know the
/// family, so it accepts any accessory code a rule can spell.
pub fn known(name: &str) -> Option<ValueKind> {
    SINK.iter()
        .find(|(known, ..)| *known == name)
        .map(|(_, kind, _)| *kind)
        .or_else(|| basin_field(name))
        .or_else(|| accessory_field(name))
}

fn basin_field(name: &str) -> Option<ValueKind> {
    let (basin, field) = name.strip_prefix("basin")?.split_once('.')?;
    if !(1..=MAX_NAMED_BASINS).any(|number| basin == number.to_string()) {
        return None;
    }
    BASIN
        .iter()
        .find(|(known, ..)| *known == field)
        .map(|(_, kind, _)| *kind)
}

fn accessory_field(name: &str) -> Option<ValueKind> {
    let rest = name.strip_prefix("accessory.")?;
    match rest.strip_suffix(".part") {
        Some(code) if is_identifier(code) => Some(Text),
        _ if is_identifier(rest) => Some(Number),
        _ => None,
    }
}

/// Every variable a template for `family` may use, with its help text, for
/// the template editor.
pub fn vocabulary(family: &FamilyOptions) -> Vec<(String, ValueKind, &'static str)> {
    let mut entries: Vec<_> = SINK
        .iter()
        .map(|(name, kind, help)| (name.to_string(), *kind, *help))
        .collect();
    for number in 1..=family.limits.max_basins.min(MAX_NAMED_BASINS) {
        for (field, kind, help) in BASIN {
            entries.push((basin_name(number, field), *kind, *help));
        }
    }
    for code in accessory_codes(family) {
        entries.push((accessory_name(code), Number, ACCESSORY_QUANTITY));
        entries.push((accessory_part_name(code), Text, ACCESSORY_PART));
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::test_family::esr;

    #[test]
    fn numbered_basins_and_any_accessory_code_are_known() {
        assert_eq!(known("basin6.drain_position"), Some(Text));
        assert_eq!(known("basin7.width"), None);
        assert_eq!(known("basin01.width"), None);
        assert_eq!(known("basin1.colour"), None);
        assert_eq!(known("accessory.EYEWASH"), Some(Number));
        assert_eq!(known("accessory.EYEWASH.part"), Some(Text));
        assert_eq!(known("accessory.EYE.WASH"), None);
        assert_eq!(known("legs.height"), Some(Number));
        assert_eq!(known("legs.colour"), None);
    }

    #[test]
    fn the_vocabulary_lists_the_family_basins_and_accessories() {
        let names: Vec<String> = vocabulary(&esr())
            .into_iter()
            .map(|(name, ..)| name)
            .collect();
        assert!(names.contains(&"basin3.depth".to_owned()));
        assert!(!names.contains(&"basin4.depth".to_owned()));
        assert!(names.contains(&"accessory.SCOPE_HANGER_RACK.part".to_owned()));
    }

    #[test]
    fn every_vocabulary_entry_is_known_with_its_kind() {
        for (name, kind, help) in vocabulary(&esr()) {
            assert_eq!(known(&name), Some(kind), "{name}");
            assert!(!help.is_empty());
        }
    }
}
