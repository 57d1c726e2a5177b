use super::{decimal, number, sink};
use crate::rule_language::{Condition, Formula, Value};

fn quantity(src: &str) -> Result<String, String> {
    Formula::parse(src)
        .and_then(|formula| formula.quantity(&sink()))
        .map(|(quantity, _)| quantity.to_string())
        .map_err(|error| error.to_string())
}

fn holds(src: &str) -> Result<bool, String> {
    Condition::parse(src)
        .and_then(|condition| condition.holds(&sink()))
        .map(|(holds, _)| holds)
        .map_err(|error| error.to_string())
}

#[test]
fn a_formula_gives_the_quantity_and_what_it_was_computed_from() {
    let formula = Formula::parse("ceil(pegboard_area / 144)").unwrap();
    assert_eq!(
        formula.quantity(&sink()),
        Ok((
            decimal("3"),
            vec![("pegboard_area".to_owned(), number("300"))]
        ))
    );
    assert_eq!(formula.expr().variables(), ["pegboard_area"]);
}

#[test]
fn a_quantity_has_no_trailing_zeros() {
    assert_eq!(quantity("basin.width * 2"), Ok("49".to_owned()));
    assert_eq!(quantity("0.50"), Ok("0.5".to_owned()));
    assert_eq!(quantity("-0"), Ok("0".to_owned()));
}

#[test]
fn a_negative_quantity_is_refused() {
    assert_eq!(
        quantity("basin_count - 4"),
        Err("quantity must not be negative, got -2".to_owned())
    );
    assert_eq!(
        quantity("-0.5"),
        Err("quantity must not be negative, got -0.5".to_owned())
    );
}

#[test]
fn a_quantity_must_be_a_number() {
    assert_eq!(
        quantity("basin_count > 1"),
        Err("expected a number for the quantity, found true/false".to_owned())
    );
    assert_eq!(
        quantity("material"),
        Err("expected a number for the quantity, found text".to_owned())
    );
}

#[test]
fn a_condition_holds_or_not_and_reports_what_it_read() {
    assert_eq!(
        holds("pegboard.is_custom = true and legs.height > 30"),
        Ok(true)
    );
    assert_eq!(holds("has_faucet or basin_count > 2"), Ok(false));
    let condition = Condition::parse("has_faucet and legs.height > 30").unwrap();
    assert_eq!(
        condition.holds(&sink()),
        Ok((false, vec![("has_faucet".to_owned(), Value::Bool(false))]))
    );
}

#[test]
fn a_condition_must_be_true_or_false() {
    assert_eq!(
        holds("basin_count"),
        Err("expected a true/false condition, found a number".to_owned())
    );
    assert_eq!(
        holds("basin_cout > 1"),
        Err("unknown variable “basin_cout” at 1:1".to_owned())
    );
}
