use super::{family, line, template, when, with_formula};
use crate::bom::{Selection, TemplateField, samples, trial};
use crate::sink::check;

#[test]
fn the_samples_are_buildable_and_have_every_basin_count() {
    let family = family();
    let samples = samples(&family);
    assert!(
        samples
            .iter()
            .all(|choices| check(choices, &family).is_empty())
    );
    let mut counts: Vec<usize> = samples.iter().map(|choices| choices.basins.len()).collect();
    counts.sort_unstable();
    counts.dedup();
    assert_eq!(counts, (1..=family.limits.max_basins).collect::<Vec<_>>());
    for option in &family.options {
        let offered = samples.iter().any(|choices| {
            [
                &choices.legs,
                &choices.pegboard,
                &choices.faucet,
                &choices.drain,
                &choices.material,
            ]
            .contains(&&option.code)
                || choices
                    .accessories
                    .iter()
                    .any(|accessory| accessory.code == option.code)
                || choices
                    .basins
                    .iter()
                    .any(|basin| basin.drain_position == option.code)
                || [&choices.finish, &choices.mounting].contains(&&option.code)
        });
        assert!(offered, "no sample has {}", option.code);
    }
}

#[test]
fn a_formula_that_divides_by_zero_fails_at_its_line() {
    let drafts = [
        line(10, "T2-BODY"),
        with_formula(line(20, "121-LEG"), "basin_count / 0"),
        with_formula(line(30, "130-FCT"), "2"),
    ];
    let found = trial(
        &Selection::parse("").unwrap(),
        &template(&drafts),
        &family(),
    );
    assert_eq!(found.selection, None);
    let failed: Vec<_> = found
        .lines
        .iter()
        .map(|failure| {
            (
                failure.line_number,
                failure.field,
                failure.error.to_string(),
            )
        })
        .collect();
    assert_eq!(
        failed,
        [(
            20,
            TemplateField::QuantityFormula,
            "division by zero at 1:13".to_owned()
        )]
    );
}

#[test]
fn a_selection_rule_that_divides_by_zero_fails() {
    let drafts = [line(10, "T2-BODY")];
    let found = trial(
        &Selection::parse("1 / 0 > 1").unwrap(),
        &template(&drafts),
        &family(),
    );
    assert_eq!(
        found.selection.map(|error| error.to_string()),
        Some("division by zero at 1:3".to_owned())
    );
}

#[test]
fn rules_guarded_by_their_condition_or_selection_pass() {
    let drafts = [
        line(10, "T2-BODY"),
        when(
            with_formula(line(20, "121-LEG"), "basin3.width / 2"),
            "basin_count >= 3",
        ),
        with_formula(line(30, "130-FCT"), "4 / (basin_count - 1)"),
    ];
    let selection = Selection::parse("basin_count >= 2").unwrap();
    assert!(trial(&selection, &template(&drafts), &family()).is_empty());
}

#[test]
fn every_failing_line_is_named_not_only_the_first() {
    let drafts = [
        with_formula(line(10, "T2-BODY"), "1 / 0"),
        when(line(20, "121-LEG"), "basin2.width > 1"),
    ];
    let found = trial(
        &Selection::parse("").unwrap(),
        &template(&drafts),
        &family(),
    );
    let lines: Vec<_> = found
        .lines
        .iter()
        .map(|failure| (failure.line_number, failure.field))
        .collect();
    assert_eq!(
        lines,
        [
            (10, TemplateField::QuantityFormula),
            (20, TemplateField::IncludeCondition)
        ]
    );
}
