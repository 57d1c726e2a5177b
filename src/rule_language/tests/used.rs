use super::{number, sink};
use crate::rule_language::{Expr, Value};

fn used(src: &str) -> Vec<(String, Value)> {
    Expr::parse(src).unwrap().eval(&sink()).unwrap().used
}

fn names(src: &str) -> Vec<String> {
    used(src).into_iter().map(|(name, _)| name).collect()
}

#[test]
fn used_lists_each_variable_read_once_with_its_value() {
    assert_eq!(
        used("basin_count * basin_count + legs.height"),
        [
            ("basin_count".to_owned(), number("2")),
            ("legs.height".to_owned(), number("34")),
        ]
    );
}

#[test]
fn used_leaves_out_the_branch_of_if_not_taken() {
    assert_eq!(
        names("if(basin_count > 1, legs.height, pegboard_area)"),
        ["basin_count", "legs.height"]
    );
    assert_eq!(
        names("if(has_faucet, legs.height, pegboard_area)"),
        ["has_faucet", "pegboard_area"]
    );
}

#[test]
fn used_leaves_out_the_side_of_and_or_that_was_skipped() {
    assert_eq!(names("has_faucet and basin_count = 1"), ["has_faucet"]);
    assert_eq!(
        names("pegboard.is_custom or legs.height > 30"),
        ["pegboard.is_custom"]
    );
    assert_eq!(
        names("pegboard.is_custom and legs.height > 30"),
        ["pegboard.is_custom", "legs.height"]
    );
}

#[test]
fn used_is_in_the_order_variables_were_first_read() {
    assert_eq!(
        names("legs.height + min(basin.width, basin_count) + legs.height"),
        ["legs.height", "basin.width", "basin_count"]
    );
}

#[test]
fn a_rule_without_variables_uses_none() {
    assert!(used("ceil(300 / 144)").is_empty());
}

#[test]
fn variables_lists_every_name_mentioned_whether_read_or_not() {
    let expr = Expr::parse("if(a, b.c, d) + b.c * e or not a").unwrap();
    assert_eq!(expr.variables(), ["a", "b.c", "d", "e"]);
    assert!(Expr::parse("1 + 2").unwrap().variables().is_empty());
}
