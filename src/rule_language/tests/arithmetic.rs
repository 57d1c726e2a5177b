use super::{eval, number};

#[test]
fn multiplication_binds_tighter_than_addition() {
    assert_eq!(eval("1 + 2 * 3"), number("7"));
    assert_eq!(eval("(1 + 2) * 3"), number("9"));
    assert_eq!(eval("2 * 3 % 4"), number("2"));
    assert_eq!(eval("2 + 10 % 4"), number("4"));
}

#[test]
fn operators_of_equal_precedence_group_to_the_left() {
    assert_eq!(eval("10 - 4 - 3"), number("3"));
    assert_eq!(eval("100 / 10 / 5"), number("2"));
    assert_eq!(eval("10 - (4 - 3)"), number("9"));
}

#[test]
fn unary_minus_binds_tightest_and_can_repeat() {
    assert_eq!(eval("-2 * 3"), number("-6"));
    assert_eq!(eval("2 * -3"), number("-6"));
    assert_eq!(eval("- -4"), number("4"));
    assert_eq!(eval("--4"), number("4"));
    assert_eq!(eval("-(1 + 2)"), number("-3"));
    assert_eq!(eval("2 - -1"), number("3"));
}

#[test]
fn division_is_exact_decimal_division() {
    assert_eq!(eval("1 / 4"), number("0.25"));
    assert_eq!(eval("0.5 * 3"), number("1.5"));
    assert_eq!(
        eval("pegboard_area / 144"),
        number("2.0833333333333333333333333333")
    );
}

#[test]
fn remainder_keeps_the_sign_of_the_dividend() {
    assert_eq!(eval("7 % 3"), number("1"));
    assert_eq!(eval("-7 % 3"), number("-1"));
    assert_eq!(eval("7.5 % 2"), number("1.5"));
}

#[test]
fn variables_with_dotted_names_are_read_whole() {
    assert_eq!(eval("basin_count * 2"), number("4"));
    assert_eq!(eval("legs.height - basin.width"), number("9.5"));
}

#[test]
fn whitespace_and_line_breaks_are_ignored() {
    assert_eq!(eval("basin_count\n\t*\r\n 2"), number("4"));
    assert_eq!(eval("1+2*3"), number("7"));
}

#[test]
fn numbers_print_without_trailing_zeros() {
    assert_eq!(eval("2.50 * 2").to_string(), "5");
    assert_eq!(eval("basin.width * 1").to_string(), "24.5");
    assert_eq!(eval("-0").to_string(), "0");
}
