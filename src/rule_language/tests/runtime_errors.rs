use super::error;

#[test]
fn an_unknown_variable_is_named_where_it_is_used() {
    assert_eq!(
        error("basin_cout * 2"),
        "unknown variable “basin_cout” at 1:1"
    );
    assert_eq!(
        error("1 + legs.heigth"),
        "unknown variable “legs.heigth” at 1:5"
    );
    assert_eq!(
        error("Basin_count"),
        "unknown variable “Basin_count” at 1:1"
    );
}

#[test]
fn dividing_by_zero_points_at_the_operator() {
    assert_eq!(error("100 * 2 / 0"), "division by zero at 1:9");
    assert_eq!(
        error("pegboard_area / (basin_count - 2)"),
        "division by zero at 1:15"
    );
    assert_eq!(error("7 % 0"), "division by zero at 1:3");
    assert_eq!(error("7 % 0.0"), "division by zero at 1:3");
}

#[test]
fn results_beyond_the_decimal_range_are_errors_not_crashes() {
    assert_eq!(
        error("79228162514264337593543950335 * 2"),
        "number too large at 1:31"
    );
    assert_eq!(
        error("79228162514264337593543950335 + 1"),
        "number too large at 1:31"
    );
    assert_eq!(
        error("-79228162514264337593543950335 - 1"),
        "number too large at 1:32"
    );
    assert_eq!(
        error("79228162514264337593543950335 / 0.5"),
        "number too large at 1:31"
    );
}

#[test]
fn a_value_of_the_wrong_kind_points_at_the_offending_operand() {
    assert_eq!(error("1+'a'"), "expected a number, found text at 1:3");
    assert_eq!(
        error("material * 2"),
        "expected a number, found text at 1:1"
    );
    assert_eq!(
        error("-has_faucet"),
        "expected a number, found true/false at 1:2"
    );
    assert_eq!(error("not 1"), "expected true/false, found a number at 1:5");
    assert_eq!(
        error("1 and true"),
        "expected true/false, found a number at 1:1"
    );
    assert_eq!(error("'a' < 'b'"), "expected a number, found text at 1:1");
    assert_eq!(error("ceil('a')"), "expected a number, found text at 1:6");
    assert_eq!(
        error("if(1, 2, 3)"),
        "expected true/false, found a number at 1:4"
    );
    assert_eq!(
        error("max(1, 2, true)"),
        "expected a number, found true/false at 1:11"
    );
}

#[test]
fn only_values_of_one_kind_can_be_compared_for_equality() {
    assert_eq!(error("1 = 'a'"), "cannot compare a number with text at 1:3");
    assert_eq!(
        error("material == 316"),
        "cannot compare text with a number at 1:10"
    );
    assert_eq!(
        error("true <> 1"),
        "cannot compare true/false with a number at 1:6"
    );
}
