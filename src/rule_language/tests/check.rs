use super::sink_kinds;
use crate::rule_language::{Condition, Expr, Formula, Pattern, ValueKind};

fn kind(src: &str) -> ValueKind {
    Expr::parse(src).unwrap().check(&sink_kinds).unwrap()
}

fn problem(src: &str) -> String {
    Expr::parse(src)
        .unwrap()
        .check(&sink_kinds)
        .unwrap_err()
        .to_string()
}

#[test]
fn check_gives_the_kind_of_value_a_rule_produces() {
    assert_eq!(kind("ceil(pegboard_area / 144)"), ValueKind::Number);
    assert_eq!(kind("legs.height > 30 and not has_faucet"), ValueKind::Bool);
    assert_eq!(kind("material"), ValueKind::Text);
    assert_eq!(kind("if(has_faucet, 'A', material)"), ValueKind::Text);
    assert_eq!(kind("material = 'x'"), ValueKind::Bool);
}

#[test]
fn check_names_an_unknown_variable_where_it_is_used() {
    assert_eq!(
        problem("legs.height > 30 and legs.heigth < 40"),
        "unknown variable “legs.heigth” at 1:22"
    );
}

#[test]
fn check_finds_mistakes_in_parts_that_evaluation_might_skip() {
    assert_eq!(
        problem("if(true, 1, 'a' + 1)"),
        "expected a number, found text at 1:13"
    );
    assert_eq!(
        problem("true or material > 3"),
        "expected a number, found text at 1:9"
    );
    assert_eq!(
        problem("has_faucet and nothing"),
        "unknown variable “nothing” at 1:16"
    );
    assert_eq!(
        problem("basin_count = material"),
        "cannot compare a number with text at 1:13"
    );
}

#[test]
fn check_requires_both_branches_of_if_to_agree() {
    assert_eq!(
        problem("if(basin_count > 1, 1, 'x')"),
        "both branches of the “if” at 1:1 must give the same kind of value, got a number and text"
    );
}

#[test]
fn a_formula_must_give_a_number() {
    assert_eq!(
        Formula::parse("basin_count * 2")
            .unwrap()
            .check(&sink_kinds),
        Ok(())
    );
    assert_eq!(
        Formula::parse("pegboard.is_custom")
            .unwrap()
            .check(&sink_kinds)
            .unwrap_err()
            .to_string(),
        "expected a number for the quantity, found true/false"
    );
}

#[test]
fn a_condition_must_give_true_or_false() {
    assert_eq!(
        Condition::parse("legs.height > 30")
            .unwrap()
            .check(&sink_kinds),
        Ok(())
    );
    assert_eq!(
        Condition::parse("legs.height")
            .unwrap()
            .check(&sink_kinds)
            .unwrap_err()
            .to_string(),
        "expected a true/false condition, found a number"
    );
}

#[test]
fn a_pattern_placeholder_must_give_a_number_or_text() {
    let check = |src: &str| Pattern::parse(src).unwrap().check(&sink_kinds);
    assert_eq!(
        check("700-LEG-{legs.height_class}-{round(basin.width)}"),
        Ok(())
    );
    assert_eq!(
        check("700-{legs.height > 30}").unwrap_err().to_string(),
        "a part-number placeholder must give a number or text, found true/false at 1:6"
    );
    assert_eq!(
        check("700-{legs.heigth}").unwrap_err().to_string(),
        "unknown variable “legs.heigth” at 1:6"
    );
}
