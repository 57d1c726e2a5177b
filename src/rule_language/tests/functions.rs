use super::{error, eval, number};

#[test]
fn ceil_and_floor_go_up_and_down_including_below_zero() {
    assert_eq!(eval("ceil(pegboard_area / 144)"), number("3"));
    assert_eq!(eval("ceil(2)"), number("2"));
    assert_eq!(eval("floor(2.9)"), number("2"));
    assert_eq!(eval("ceil(-1.5)"), number("-1"));
    assert_eq!(eval("floor(-1.5)"), number("-2"));
}

#[test]
fn round_goes_half_away_from_zero() {
    assert_eq!(eval("round(2.5)"), number("3"));
    assert_eq!(eval("round(3.5)"), number("4"));
    assert_eq!(eval("round(-2.5)"), number("-3"));
    assert_eq!(eval("round(2.49)"), number("2"));
    assert_eq!(eval("round(basin.width)"), number("25"));
}

#[test]
fn round_to_digits() {
    assert_eq!(eval("round(2.45, 1)"), number("2.5"));
    assert_eq!(eval("round(2.449, 1)"), number("2.4"));
    assert_eq!(eval("round(1.23456, 4)"), number("1.2346"));
    assert_eq!(eval("round(7, 10)"), number("7"));
}

#[test]
fn round_rejects_digits_outside_0_to_10() {
    assert_eq!(
        error("round(1, 11)"),
        "“round” takes a whole number of digits from 0 to 10, got 11 at 1:10"
    );
    assert_eq!(
        error("round(1, 0.5)"),
        "“round” takes a whole number of digits from 0 to 10, got 0.5 at 1:10"
    );
    assert_eq!(
        error("round(1, -1)"),
        "“round” takes a whole number of digits from 0 to 10, got -1 at 1:10"
    );
    assert_eq!(
        error("round(1, 79228162514264337593543950335)"),
        "“round” takes a whole number of digits from 0 to 10, got 79228162514264337593543950335 at 1:10"
    );
}

#[test]
fn min_and_max_take_any_number_of_arguments() {
    assert_eq!(eval("min(3, 1, 2)"), number("1"));
    assert_eq!(eval("max(3, 7, 2, 5)"), number("7"));
    assert_eq!(eval("min(4)"), number("4"));
    assert_eq!(eval("max(-1, -2)"), number("-1"));
    assert_eq!(
        eval("max(ceil(pegboard_area / 144), basin_count, 1)"),
        number("3")
    );
}

#[test]
fn abs_drops_the_sign() {
    assert_eq!(eval("abs(-3)"), number("3"));
    assert_eq!(eval("abs(3.5)"), number("3.5"));
}

#[test]
fn if_evaluates_only_the_branch_taken() {
    assert_eq!(eval("if(basin_count > 1, 10, 20)"), number("10"));
    assert_eq!(eval("if(true, 1, 1 / 0)"), number("1"));
    assert_eq!(eval("if(false, no_such_variable, 2)"), number("2"));
    assert_eq!(eval("if(has_faucet, 'A', 'B')"), "B".into());
}

#[test]
fn function_names_are_case_insensitive() {
    assert_eq!(eval("CEIL(1.2)"), number("2"));
    assert_eq!(eval("Max(1, 2)"), number("2"));
    assert_eq!(eval("If(true, 1, 2)"), number("1"));
}

#[test]
fn a_wrong_number_of_arguments_names_the_function_and_the_counts() {
    assert_eq!(
        error("min()"),
        "“min” takes at least 1 argument, got 0 at 1:1"
    );
    assert_eq!(error("ceil(1, 2)"), "“ceil” takes 1 argument, got 2 at 1:1");
    assert_eq!(error("2 * abs()"), "“abs” takes 1 argument, got 0 at 1:5");
    assert_eq!(
        error("round(1, 2, 3)"),
        "“round” takes 1 or 2 arguments, got 3 at 1:1"
    );
    assert_eq!(error("IF(true, 1)"), "“if” takes 3 arguments, got 2 at 1:1");
}

#[test]
fn an_unknown_function_is_named() {
    assert_eq!(error("sqrt(2)"), "unknown function “sqrt” at 1:1");
    assert_eq!(
        error("1 + legs.len(2)"),
        "unknown function “legs.len” at 1:5"
    );
}
