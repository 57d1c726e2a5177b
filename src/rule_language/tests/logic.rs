use super::{eval, number};
use crate::rule_language::Value;

#[test]
fn comparisons_of_numbers() {
    assert_eq!(eval("3 > 2"), Value::Bool(true));
    assert_eq!(eval("2 >= 2"), Value::Bool(true));
    assert_eq!(eval("2 < 2"), Value::Bool(false));
    assert_eq!(eval("2 <= 2"), Value::Bool(true));
    assert_eq!(eval("legs.height > 30"), Value::Bool(true));
}

#[test]
fn both_spellings_of_equal_and_not_equal_work_and_compare_values() {
    assert_eq!(eval("2 = 2.0"), Value::Bool(true));
    assert_eq!(eval("2 == 2"), Value::Bool(true));
    assert_eq!(eval("2 != 3"), Value::Bool(true));
    assert_eq!(eval("2 <> 2"), Value::Bool(false));
    assert_eq!(eval("true = false"), Value::Bool(false));
}

#[test]
fn text_compares_exactly_including_case() {
    assert_eq!(eval("material = '316L'"), Value::Bool(true));
    assert_eq!(eval("material = \"316L\""), Value::Bool(true));
    assert_eq!(eval("material = '316l'"), Value::Bool(false));
    assert_eq!(eval("material != '304'"), Value::Bool(true));
}

#[test]
fn text_may_hold_the_other_quote() {
    assert_eq!(eval("\"it's\""), Value::from("it's"));
    assert_eq!(eval("'a \"b\"'"), Value::from("a \"b\""));
}

#[test]
fn not_applies_to_a_whole_comparison() {
    // Were `not` to bind tighter, `not basin_count` would be a type error.
    assert_eq!(eval("not basin_count = 3"), Value::Bool(true));
    assert_eq!(eval("not not true"), Value::Bool(true));
}

#[test]
fn and_binds_tighter_than_or() {
    assert_eq!(eval("true or false and false"), Value::Bool(true));
    assert_eq!(eval("false and true or true"), Value::Bool(true));
    assert_eq!(eval("(true or false) and false"), Value::Bool(false));
}

#[test]
fn and_and_or_skip_the_side_that_cannot_matter() {
    assert_eq!(eval("false and 1 / 0 = 1"), Value::Bool(false));
    assert_eq!(eval("true or 1 / 0 = 1"), Value::Bool(true));
    assert_eq!(eval("has_faucet and no_such_variable"), Value::Bool(false));
}

#[test]
fn keywords_are_case_insensitive() {
    assert_eq!(eval("NOT False AND True Or false"), Value::Bool(true));
    assert_eq!(eval("pegboard.is_custom = TRUE"), Value::Bool(true));
}

#[test]
fn a_typical_include_condition() {
    assert_eq!(
        eval("pegboard.is_custom = true and legs.height > 30"),
        Value::Bool(true)
    );
    assert_eq!(eval("if(legs.height > 30, 4, 3)"), number("4"));
}

#[test]
fn not_may_follow_and_or_but_not_a_comparison_or_arithmetic() {
    assert_eq!(eval("has_faucet or not basin_count = 3"), Value::Bool(true));
    assert_eq!(
        super::error("1 + not true"),
        "unexpected “not” at 1:5, expected a value"
    );
    assert_eq!(
        super::error("true = not false"),
        "unexpected “not” at 1:8, expected a value"
    );
}

#[test]
fn values_cross_the_wire_unchanged() {
    for value in [number("2.50"), Value::Bool(true), Value::from("316L")] {
        let json = serde_json::to_string(&value).unwrap();
        assert_eq!(serde_json::from_str::<Value>(&json).unwrap(), value);
    }
}
