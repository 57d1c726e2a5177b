use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::*;
use crate::rule_language::{Formula, Value};
use crate::sink::test_family::esr;

/// A step of the assembly center taking 30 minutes, waiting for nothing.
fn step(code: &str, title: &str) -> RouteStepDraft {
    RouteStepDraft {
        code: code.to_owned(),
        title: title.to_owned(),
        task_type: "ASSEMBLY".to_owned(),
        work_center: "ASSEMBLY".to_owned(),
        estimate_formula: "30".to_owned(),
        ..RouteStepDraft::default()
    }
}

fn after(mut draft: RouteStepDraft, code: &str) -> RouteStepDraft {
    draft.predecessors.push(PredecessorDraft {
        step: code.to_owned(),
        ..PredecessorDraft::default()
    });
    draft
}

fn when(mut draft: RouteStepDraft, condition: &str) -> RouteStepDraft {
    draft.condition = condition.to_owned();
    draft
}

fn taking_materials(mut draft: RouteStepDraft) -> RouteStepDraft {
    draft.takes_unassigned_materials = true;
    draft
}

/// Cut, weld, then electrical only for electric legs, then plumbing.
fn route_with_electrical() -> Vec<RouteStepDraft> {
    vec![
        step("010", "Cut and form"),
        taking_materials(after(step("020", "Weld basins"), "010")),
        when(
            after(step("030", "Electrical"), "020"),
            "legs.kind = 'ELECTRIC'",
        ),
        after(step("040", "Plumbing"), "030"),
    ]
}

fn checked(steps: Vec<RouteStepDraft>) -> Result<Route, Vec<crate::FieldError>> {
    check_route(
        &RouteDraft {
            notes: String::new(),
            steps,
        },
        &esr(),
    )
}

fn fields(steps: Vec<RouteStepDraft>) -> Vec<String> {
    checked(steps)
        .unwrap_err()
        .into_iter()
        .map(|error| error.field)
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

fn codes(planned: &[PlannedStep]) -> Vec<&str> {
    planned.iter().map(|step| step.code.as_str()).collect()
}

#[test]
fn a_sound_route_plans_every_step_for_a_build_that_needs_them_all() {
    let route = checked(route_with_electrical()).unwrap();
    let planned = plan(&route, &build("ELECTRIC", 2)).unwrap();
    assert_eq!(codes(&planned), ["010", "020", "030", "040"]);
    assert_eq!(planned[3].predecessors[0].step.as_str(), "030");
    assert_eq!(route.material_step().as_str(), "020");
}

#[test]
fn a_step_left_out_hands_its_successors_what_it_waited_for() {
    let route = checked(route_with_electrical()).unwrap();
    let planned = plan(&route, &build("FIXED", 2)).unwrap();
    assert_eq!(codes(&planned), ["010", "020", "040"]);
    let plumbing = &planned[2];
    assert_eq!(plumbing.predecessors.len(), 1);
    assert_eq!(plumbing.predecessors[0].step.as_str(), "020");
}

#[test]
fn a_chain_of_left_out_steps_is_bridged_to_the_last_planned_one() {
    let mut steps = route_with_electrical();
    steps.insert(
        3,
        when(
            after(step("035", "Lift test"), "030"),
            "legs.kind = 'ELECTRIC'",
        ),
    );
    steps[4] = after(step("040", "Plumbing"), "035");
    let route = checked(steps).unwrap();
    let planned = plan(&route, &build("FIXED", 1)).unwrap();
    assert_eq!(planned.last().unwrap().predecessors[0].step.as_str(), "020");
}

#[test]
fn the_estimate_is_worked_out_from_the_configuration_and_rounded_up_to_whole_minutes() {
    let mut steps = route_with_electrical();
    steps[1].estimate_formula = "45 + basin_count * 12.5".to_owned();
    let route = checked(steps).unwrap();
    let planned = plan(&route, &build("FIXED", 3)).unwrap();
    assert_eq!(planned[1].estimated_minutes, 83);
}

#[test]
fn an_estimate_of_more_than_a_working_week_fails_at_the_formula() {
    let mut route = checked(route_with_electrical()).unwrap();
    route.steps[0].estimate = Formula::parse("basin_count * 10000").unwrap();
    let failure = plan(&route, &build("FIXED", 1)).unwrap_err();
    assert_eq!(
        (failure.code.as_str(), failure.field),
        ("010", "estimate_formula")
    );
    assert!(failure.error.contains("working week"), "{}", failure.error);
}

#[test]
fn every_unreadable_field_is_reported_where_the_editor_shows_it() {
    let mut bad = step("4", "");
    bad.task_type = "WELDING".to_owned();
    bad.work_center = "weld-1".to_owned();
    bad.condition = "legs.kind = ".to_owned();
    bad.estimate_formula = String::new();
    let mut steps = route_with_electrical();
    steps.push(bad);
    assert_eq!(
        fields(steps),
        [
            "4:code",
            "4:title",
            "4:task_type",
            "4:work_center",
            "4:condition",
            "4:estimate_formula"
        ]
    );
}

#[test]
fn repeated_codes_unknown_or_repeated_predecessors_and_waiting_for_oneself_are_refused() {
    let mut steps = route_with_electrical();
    steps.push(step("010", "Again"));
    steps.push(after(step("050", "Crate"), "099"));
    steps.push(after(step("060", "Label"), "060"));
    steps.push(after(after(step("070", "Ship"), "010"), "010"));
    let errors = checked(steps).unwrap_err();
    let messages: Vec<_> = errors
        .iter()
        .map(|error| (error.field.as_str(), error.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        [
            ("4:code", "Step 010 is already in the route."),
            ("5:predecessors", "There is no step 099 in this route."),
            ("6:predecessors", "A step cannot wait for itself."),
            ("7:predecessors", "Step 010 is named twice."),
        ]
    );
}

#[test]
fn a_loop_of_predecessors_is_named_at_a_step_on_it() {
    let mut steps = route_with_electrical();
    steps[0] = after(step("010", "Cut and form"), "040");
    let errors = checked(steps).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].message.contains("for itself"),
        "{}",
        errors[0].message
    );
    assert!(errors[0].field.ends_with(":predecessors"));
}

#[test]
fn one_unconditional_step_takes_the_bom_lines_that_name_no_step() {
    let mut none = route_with_electrical();
    none[1].takes_unassigned_materials = false;
    assert_eq!(fields(none), ["steps"]);
    let mut two = route_with_electrical();
    two[0].takes_unassigned_materials = true;
    assert_eq!(fields(two), ["steps"]);
    let mut conditional = route_with_electrical();
    conditional[1].condition = "basin_count > 1".to_owned();
    assert_eq!(fields(conditional), ["1:condition"]);
}

#[test]
fn a_rule_that_fails_for_a_sample_configuration_is_refused_at_its_field() {
    let mut steps = route_with_electrical();
    steps[2].condition = "legs.colour = 'RED'".to_owned();
    steps[3].estimate_formula = "60 / (basin_count - basin_count)".to_owned();
    let errors = checked(steps).unwrap_err();
    let fields: Vec<_> = errors.iter().map(|error| error.field.as_str()).collect();
    assert_eq!(fields, ["2:condition", "3:estimate_formula"]);
    assert!(
        errors[0]
            .message
            .starts_with("Fails for a sample Endoscope Reprocessing Sink configuration"),
        "{}",
        errors[0].message
    );
}

#[test]
fn lags_are_whole_minutes_within_a_week_either_way_and_default_to_finish_to_start() {
    let mut steps = route_with_electrical();
    steps[1].predecessors[0].lag_minutes = "-30".to_owned();
    let route = checked(steps.clone()).unwrap();
    let link = &route.steps()[1].predecessors[0];
    assert_eq!(
        (link.dependency, link.lag_minutes),
        (crate::workflow::DependencyType::FinishToStart, -30)
    );
    for bad in ["1.5", "10081", "soon"] {
        steps[1].predecessors[0].lag_minutes = bad.to_owned();
        assert_eq!(fields(steps.clone()), ["1:predecessors"], "{bad}");
    }
}

#[test]
fn an_empty_route_or_one_of_too_many_steps_is_refused_at_steps() {
    assert_eq!(fields(Vec::new()), ["steps"]);
    let many = (0..=MAX_STEPS)
        .map(|n| step(&format!("{n:03}"), "Step"))
        .collect();
    assert_eq!(fields(many), ["steps"]);
}
