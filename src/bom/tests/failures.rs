use super::{line, patterned, sink, template, vars_of, when, with_formula};
use crate::bom::{TemplateField, resolve};
use crate::rule_language::RuleErrorKind;

#[test]
fn a_failing_formula_names_its_line_and_field() {
    let drafts = [
        line(10, "T2-BODY"),
        with_formula(line(40, "121-LEG"), "4 / (basin_count - 2)"),
    ];
    let failure = resolve(&template(&drafts), &vars_of(&sink(2))).unwrap_err();
    assert_eq!(
        (failure.line_number, failure.field),
        (40, TemplateField::QuantityFormula)
    );
    assert_eq!(
        failure.to_string(),
        "line 40, quantity formula: division by zero at 1:3"
    );
}

#[test]
fn a_negative_quantity_is_named() {
    let drafts = [with_formula(line(40, "121-LEG"), "basin_count - 3")];
    let failure = resolve(&template(&drafts), &vars_of(&sink(1))).unwrap_err();
    assert_eq!(
        failure.error.kind,
        RuleErrorKind::NegativeQuantity(super::decimal("-2"))
    );
    assert_eq!(
        failure.to_string(),
        "line 40, quantity formula: quantity must not be negative, got -2"
    );
}

#[test]
fn a_failing_pattern_or_condition_names_its_field() {
    let pattern = [patterned(60, "T2-{basin2.width}")];
    let failure = resolve(&template(&pattern), &vars_of(&sink(1))).unwrap_err();
    assert_eq!(failure.field, TemplateField::PartPattern);
    let condition = [when(line(70, "T2-X"), "basin2.depth > 8")];
    let failure = resolve(&template(&condition), &vars_of(&sink(1))).unwrap_err();
    assert_eq!(
        failure.to_string(),
        "line 70, include condition: unknown variable “basin2.depth” at 1:1"
    );
}

#[test]
fn a_quantity_too_large_to_hold_is_refused() {
    let drafts = [with_formula(
        line(10, "121-A"),
        "79228162514264337593543950335",
    )];
    let mut choices = sink(1);
    choices.quantity = "2".to_owned();
    let failure = resolve(&template(&drafts), &vars_of(&choices)).unwrap_err();
    assert_eq!(
        failure.to_string(),
        "line 10, quantity formula: number too large at 1:1"
    );
}
