//! Writing a checklist template and working it out for a build.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::basin_depth;
use crate::FieldError;
use crate::quality::{
    ChecklistItemDraft, ChecklistTemplate, ChecklistTemplateDraft, MAX_ITEMS, PlannedItem,
    QcItemType, check_template, plan_checklist, read_template,
};
use crate::rule_language::Value;
use crate::sink::test_family::esr;

/// A required visual check of the welds.
fn visual(description: &str) -> ChecklistItemDraft {
    ChecklistItemDraft {
        category: "Welds".to_owned(),
        description: description.to_owned(),
        item_type: "VISUAL_INSPECTION".to_owned(),
        required: true,
        ..ChecklistItemDraft::default()
    }
}

/// A required basin-depth measurement, 25.0 mm ± 1.5.
fn depth(description: &str) -> ChecklistItemDraft {
    ChecklistItemDraft {
        category: "Dimensions".to_owned(),
        item_type: "MEASUREMENT".to_owned(),
        nominal: "25.0".to_owned(),
        tolerance_kind: "SYMMETRIC".to_owned(),
        tolerance_plus: "1.5".to_owned(),
        unit: "mm".to_owned(),
        ..visual(description)
    }
}

fn when(mut item: ChecklistItemDraft, condition: &str) -> ChecklistItemDraft {
    item.condition = condition.to_owned();
    item
}

fn repeated(mut item: ChecklistItemDraft, repeat: &str) -> ChecklistItemDraft {
    item.repeat = repeat.to_owned();
    item
}

/// Welds, the depth of each basin, and a lift test for electric legs.
fn pre_qc() -> Vec<ChecklistItemDraft> {
    vec![
        visual("Welds ground smooth, no porosity"),
        repeated(depth("Depth of basin {n}"), "basin_count"),
        when(
            ChecklistItemDraft {
                item_type: "FUNCTIONAL_TEST".to_owned(),
                tools: " Load weights \n\n  Stopwatch ".to_owned(),
                photo_required: true,
                ..visual("Lift runs its full travel under load")
            },
            "legs.kind = 'ELECTRIC'",
        ),
    ]
}

fn checked(items: Vec<ChecklistItemDraft>) -> Result<ChecklistTemplate, Vec<FieldError>> {
    check_template(
        &ChecklistTemplateDraft {
            review_required: true,
            notes: String::new(),
            items,
        },
        &esr(),
    )
}

fn refusals(items: Vec<ChecklistItemDraft>) -> Vec<(String, String)> {
    checked(items)
        .unwrap_err()
        .into_iter()
        .map(|error| (error.field, error.message))
        .collect()
}

fn fields(items: Vec<ChecklistItemDraft>) -> Vec<String> {
    refusals(items)
        .into_iter()
        .map(|(field, _)| field)
        .collect()
}

fn build(legs: &str, basins: i64) -> BTreeMap<String, Value> {
    BTreeMap::from([
        ("legs.kind".to_owned(), Value::Text(legs.to_owned())),
        (
            "basin_count".to_owned(),
            Value::Number(Decimal::from(basins)),
        ),
    ])
}

fn described(planned: &[PlannedItem]) -> Vec<(i32, &str)> {
    planned
        .iter()
        .map(|item| (item.number, item.description.as_str()))
        .collect()
}

#[test]
fn a_build_gets_the_items_its_configuration_needs_numbered_in_template_order() {
    let template = checked(pre_qc()).unwrap();
    assert!(template.review_required());
    let planned = plan_checklist(&template, &build("ELECTRIC", 2)).unwrap();
    assert_eq!(
        described(&planned),
        [
            (1, "Welds ground smooth, no porosity"),
            (2, "Depth of basin 1"),
            (3, "Depth of basin 2"),
            (4, "Lift runs its full travel under load"),
        ]
    );
    let lift = &planned[3];
    assert_eq!(lift.item_type, QcItemType::FunctionalTest);
    assert_eq!(lift.tools, ["Load weights", "Stopwatch"]);
    assert!(lift.photo_required && lift.required);
    assert_eq!(planned[1].spec, Some(basin_depth()));
    assert_eq!(planned[0].spec, None);
}

#[test]
fn an_item_whose_condition_fails_is_left_out_and_the_rest_close_up() {
    let template = checked(pre_qc()).unwrap();
    let planned = plan_checklist(&template, &build("FIXED", 3)).unwrap();
    assert_eq!(
        described(&planned),
        [
            (1, "Welds ground smooth, no porosity"),
            (2, "Depth of basin 1"),
            (3, "Depth of basin 2"),
            (4, "Depth of basin 3"),
        ]
    );
}

#[test]
fn a_repeat_of_zero_leaves_the_item_out_and_a_fraction_is_refused_at_repeat() {
    let mut items = pre_qc();
    items[1].repeat = "basin_count - 1".to_owned();
    let template = checked(items.clone()).unwrap();
    let planned = plan_checklist(&template, &build("FIXED", 1)).unwrap();
    assert_eq!(
        described(&planned),
        [(1, "Welds ground smooth, no porosity")]
    );
    items[1].repeat = "basin_count / 2".to_owned();
    let template = read_template(&ChecklistTemplateDraft {
        items,
        ..ChecklistTemplateDraft::default()
    })
    .unwrap();
    let failure = plan_checklist(&template, &build("FIXED", 3)).unwrap_err();
    assert_eq!((failure.index, failure.field), (1, "repeat"));
    assert_eq!(
        failure.to_string(),
        "item 2, repeat: 1.5 copies: the count is a whole number up to 20"
    );
}

#[test]
fn a_rule_that_fails_for_a_sample_configuration_is_refused_at_its_field() {
    let mut items = pre_qc();
    items[1].repeat = "basin_count / 2".to_owned();
    items[2].condition = "legs.colour = 'RED'".to_owned();
    let refused = refusals(items);
    let fields: Vec<&str> = refused.iter().map(|(field, _)| field.as_str()).collect();
    assert_eq!(fields, ["1:repeat", "2:condition"]);
    assert!(
        refused[0]
            .1
            .starts_with("Fails for a sample Endoscope Reprocessing Sink configuration"),
        "{}",
        refused[0].1
    );
}

#[test]
fn every_unreadable_field_of_an_item_is_named() {
    let broken = ChecklistItemDraft {
        category: " ".to_owned(),
        description: String::new(),
        item_type: "GLANCE".to_owned(),
        tools: "x".repeat(101),
        condition: "legs.kind =".to_owned(),
        repeat: "basin_count +".to_owned(),
        ..ChecklistItemDraft::default()
    };
    assert_eq!(
        fields(vec![visual("Welds"), broken]),
        [
            "1:category",
            "1:description",
            "1:tools",
            "1:item_type",
            "1:condition",
            "1:repeat",
            "1:description",
        ]
    );
}

#[test]
fn a_measurement_needs_a_sound_spec_and_says_which_part_is_wrong() {
    let mut no_unit = depth("Depth");
    no_unit.unit.clear();
    let mut comma = depth("Depth");
    comma.nominal = "25,0".to_owned();
    let mut no_tolerance = depth("Depth");
    no_tolerance.tolerance_kind.clear();
    let mut lopsided = depth("Depth");
    lopsided.tolerance_kind = "RANGE".to_owned();
    lopsided.tolerance_minus = "30".to_owned();
    assert_eq!(
        refusals(vec![no_unit, comma, no_tolerance, lopsided]),
        [
            (
                "0:unit".to_owned(),
                "Choose the unit the value is measured in.".to_owned()
            ),
            (
                "1:nominal".to_owned(),
                "Use a point for decimals, e.g. 12.5.".to_owned()
            ),
            (
                "2:tolerance_kind".to_owned(),
                "Choose a kind of tolerance.".to_owned()
            ),
            (
                "3:tolerance_plus".to_owned(),
                "The upper end of a range is above its lower end.".to_owned()
            ),
        ]
    );
}

#[test]
fn only_a_measurement_has_a_value_a_tolerance_and_a_unit() {
    let mut visual_with_unit = visual("Welds");
    visual_with_unit.unit = "mm".to_owned();
    visual_with_unit.tolerance_plus = "1".to_owned();
    assert_eq!(
        fields(vec![visual_with_unit]),
        ["0:tolerance_plus", "0:unit"]
    );
}

#[test]
fn copies_are_numbered_only_when_the_item_repeats() {
    let unnumbered = repeated(depth("Depth of the basin"), "basin_count");
    let stray = visual("Weld {n}");
    let refused = refusals(vec![unnumbered, stray]);
    assert_eq!(
        refused,
        [
            (
                "0:description".to_owned(),
                "Put {n} in the description of a repeated check, so each copy says which it is."
                    .to_owned()
            ),
            (
                "1:description".to_owned(),
                "{n} numbers the copies of a repeated check: say how many copies, or leave it out."
                    .to_owned()
            ),
        ]
    );
}

#[test]
fn an_empty_template_or_one_of_too_many_items_is_refused_at_items() {
    assert_eq!(fields(Vec::new()), ["items"]);
    let many = (0..=MAX_ITEMS).map(|_| visual("Welds")).collect();
    assert_eq!(fields(many), ["items"]);
    let most = (0..MAX_ITEMS).map(|_| visual("Welds")).collect();
    assert!(checked(most).is_ok());
}

#[test]
fn a_drafted_template_travels_as_json_and_back() {
    let draft = ChecklistTemplateDraft {
        review_required: true,
        notes: "Rev. B".to_owned(),
        items: pre_qc(),
    };
    let json = serde_json::to_string(&draft).unwrap();
    assert_eq!(
        serde_json::from_str::<ChecklistTemplateDraft>(&json).unwrap(),
        draft
    );
    let template = read_template(&draft).unwrap();
    assert_eq!(template.notes(), "Rev. B");
    let planned = plan_checklist(&template, &build("ELECTRIC", 1)).unwrap();
    let json = serde_json::to_string(&planned).unwrap();
    assert_eq!(
        serde_json::from_str::<Vec<PlannedItem>>(&json).unwrap(),
        planned
    );
}
