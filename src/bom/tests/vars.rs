use std::collections::BTreeSet;

use super::{decimal, family, sink, vars_of};
use crate::bom::{VariablesError, known, variables, vocabulary};
use crate::rule_language::Value;
use crate::sink::AccessoryChoice;

fn number(text: &str) -> Value {
    Value::Number(decimal(text))
}

#[test]
fn a_default_sink_reads_as_its_body_basins_and_fittings() {
    let vars = vars_of(&sink(2));
    let expected = [
        ("family", Value::from("ESR")),
        ("quantity", number("1")),
        ("body.material", Value::from("304")),
        ("body.width", number("72")),
        ("basin_count", number("2")),
        ("basin2.width", number("16")),
        ("basin2.drain_position", Value::from("CENTER")),
        ("basins.total_width", number("32")),
        ("basins.max_depth", number("6")),
        ("faucet_count", number("2")),
        ("faucet.part", Value::from("130-FCT-GN")),
        ("drain.part", Value::from("140-DRN-LEV")),
        ("legs.kind", Value::from("FIXED")),
        ("legs.adjustable", Value::Bool(false)),
        ("legs.height", number("36")),
        ("legs.height_max", number("36")),
        ("legs.part", Value::from("")),
    ];
    for (name, value) in expected {
        assert_eq!(vars.get(name), Some(&value), "{name}");
    }
}

#[test]
fn no_pegboard_has_no_size() {
    let vars = vars_of(&sink(1));
    assert_eq!(vars["pegboard.present"], Value::Bool(false));
    assert_eq!(vars["pegboard_area"], number("0"));
    assert_eq!(vars["pegboard.part"], Value::from(""));
}

#[test]
fn a_standard_pegboard_spans_the_body() {
    let mut choices = sink(1);
    choices.pegboard = "STANDARD".to_owned();
    let vars = vars_of(&choices);
    assert_eq!(vars["pegboard.width"], number("72"));
    assert_eq!(vars["pegboard.height"], number("36"));
    assert_eq!(vars["pegboard.is_custom"], Value::Bool(false));
    assert_eq!(vars["pegboard.part"], Value::from("121-PEG-STD"));
    assert_eq!(vars["pegboard_area"], number("2592"));
}

#[test]
fn a_custom_pegboard_has_the_size_given() {
    let mut choices = sink(1);
    choices.pegboard = "CUSTOM".to_owned();
    choices.pegboard_width = "48".to_owned();
    choices.pegboard_height = "24.5".to_owned();
    let vars = vars_of(&choices);
    assert_eq!(vars["pegboard.kind"], Value::from("CUSTOM"));
    assert_eq!(vars["pegboard.is_custom"], Value::Bool(true));
    assert_eq!(vars["pegboard_area"], number("1176"));
}

#[test]
fn an_adjustable_frame_has_a_travel() {
    let mut choices = sink(1);
    choices.legs = "ELECTRIC".to_owned();
    choices.leg_height_min = "34".to_owned();
    choices.leg_height_max = "40".to_owned();
    let vars = vars_of(&choices);
    assert_eq!(vars["legs.adjustable"], Value::Bool(true));
    assert_eq!(vars["legs.height"], number("34"));
    assert_eq!(vars["legs.height_max"], number("40"));
}

#[test]
fn every_accessory_of_the_family_has_a_count_chosen_or_not() {
    let mut choices = sink(1);
    choices.accessories = vec![AccessoryChoice {
        code: "DOSING_PUMP".to_owned(),
        quantity: "2".to_owned(),
    }];
    let vars = vars_of(&choices);
    assert_eq!(vars["accessory.DOSING_PUMP"], number("2"));
    assert_eq!(vars["accessory.DOSING_PUMP.part"], Value::from("150-DOSE"));
    assert_eq!(vars["accessory.SCOPE_HANGER_RACK"], number("0"));
    assert_eq!(vars["accessory.SCOPE_HANGER_RACK.part"], Value::from(""));
    assert_eq!(vars["accessory_count"], number("2"));
}

#[test]
fn the_names_given_are_the_vocabulary_and_known() {
    let family = family();
    let vars = vars_of(&sink(family.limits.max_basins));
    let given: BTreeSet<&str> = vars.keys().map(String::as_str).collect();
    let listed = vocabulary(&family);
    let listed_names: BTreeSet<&str> = listed.iter().map(|(name, ..)| name.as_str()).collect();
    assert_eq!(given, listed_names);
    for (name, kind, _) in &listed {
        assert_eq!(vars[name].kind(), *kind, "{name}");
        assert_eq!(known(name), Some(*kind), "{name}");
    }
}

#[test]
fn an_unreadable_number_names_its_field() {
    let mut choices = sink(2);
    choices.basins[1].length = "long".to_owned();
    assert_eq!(
        variables(&choices, &family()),
        Err(VariablesError::Unreadable {
            field: "basins.1.length".to_owned(),
            value: "long".to_owned()
        })
    );
    choices.quantity = "many".to_owned();
    let error = variables(&choices, &family()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "The configuration's quantity “many” cannot be read: validate the configuration first."
    );
}

#[test]
fn more_basins_than_a_template_can_name_are_refused() {
    let mut choices = sink(1);
    choices.basins = vec![choices.basins[0].clone(); 7];
    assert_eq!(
        variables(&choices, &family()),
        Err(VariablesError::TooManyBasins(7))
    );
}
