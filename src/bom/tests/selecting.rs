use super::{sink, vars_of};
use crate::bom::{Selection, select};
use crate::rule_language::RuleErrorKind;

fn candidates(rules: &[(&'static str, &str)]) -> Vec<(&'static str, Selection)> {
    rules
        .iter()
        .map(|(name, rule)| (*name, Selection::parse(rule).unwrap()))
        .collect()
}

#[test]
fn the_first_template_whose_rule_holds_is_chosen() {
    let templates = candidates(&[
        ("three basins", "basin_count = 3"),
        (
            "two basins, electric",
            "basin_count = 2 and legs.kind = 'ELECTRIC'",
        ),
        ("two basins", "basin_count = 2"),
        ("any", ""),
    ]);
    assert_eq!(
        select(&templates, &vars_of(&sink(2))),
        Ok(Some(&"two basins"))
    );
    assert_eq!(select(&templates, &vars_of(&sink(1))), Ok(Some(&"any")));
    assert_eq!(select(&templates[..1], &vars_of(&sink(1))), Ok(None));
}

#[test]
fn a_rule_that_fails_names_its_candidate() {
    let templates = candidates(&[
        ("first", "basin_count > 5"),
        ("second", "basin3.width > 20"),
    ]);
    let failure = select(&templates, &vars_of(&sink(2))).unwrap_err();
    assert_eq!(failure.index, 1);
    assert_eq!(
        failure.error.kind,
        RuleErrorKind::UnknownVariable("basin3.width".to_owned())
    );
    assert_eq!(
        failure.to_string(),
        "selection rule of template 2 in the order tried: unknown variable “basin3.width” at 1:1"
    );
}

#[test]
fn a_selection_rule_is_checked_when_written() {
    assert_eq!(
        Selection::parse("basin_count").unwrap_err().kind,
        RuleErrorKind::NotACondition(crate::rule_language::ValueKind::Number)
    );
    assert!(matches!(
        Selection::parse("legs.colour = 'RED'").unwrap_err().kind,
        RuleErrorKind::UnknownVariable(_)
    ));
}
