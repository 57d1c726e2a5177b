use super::error;
use crate::rule_language::{Expr, Position, RuleError, RuleErrorKind};

#[test]
fn a_missing_value_points_at_what_came_instead() {
    assert_eq!(error("(1 +)"), "unexpected “)” at 1:5, expected a value");
    assert_eq!(error("* 2"), "unexpected “*” at 1:1, expected a value");
    assert_eq!(error("max(1,)"), "unexpected “)” at 1:7, expected a value");
}

#[test]
fn a_rule_cut_short_points_just_past_its_end() {
    assert_eq!(
        error("(1 + 2 * 34"),
        "unexpected end of rule at 1:12, expected “)”"
    );
    assert_eq!(
        error("max(1, 2"),
        "unexpected end of rule at 1:9, expected “,” or “)”"
    );
    assert_eq!(
        error("basin_count *"),
        "unexpected end of rule at 1:14, expected a value"
    );
}

#[test]
fn a_token_after_a_complete_rule_is_reported() {
    assert_eq!(
        error("1 2"),
        "unexpected “2” at 1:3, expected an operator or the end of the rule"
    );
    assert_eq!(
        error("(1))"),
        "unexpected “)” at 1:4, expected an operator or the end of the rule"
    );
}

#[test]
fn an_unknown_character_is_reported_where_it_is() {
    assert_eq!(error("2 # 3"), "unexpected “#” at 1:3");
    assert_eq!(error("2 ! 3"), "unexpected “!” at 1:3");
    assert_eq!(error(".5"), "unexpected “.” at 1:1");
    assert_eq!(error("legs."), "unexpected “.” at 1:5");
    assert_eq!(error("1\u{0}"), "unexpected character “\\u{0}” at 1:2");
}

#[test]
fn columns_count_characters_not_bytes() {
    assert_eq!(error("'üü' = 'a' #"), "unexpected “#” at 1:12");
    assert_eq!(error("ü"), "unexpected “ü” at 1:1");
}

#[test]
fn positions_on_later_lines_count_from_that_line() {
    assert_eq!(
        error("basin_count *\n  2 +\n  )"),
        "unexpected “)” at 3:3, expected a value"
    );
    assert_eq!(
        error("2 *\n  basin_cout"),
        "unknown variable “basin_cout” at 2:3"
    );
}

#[test]
fn unterminated_text_points_at_its_opening_quote() {
    assert_eq!(
        error("material = '316L"),
        "the text starting at 1:12 has no closing “'”"
    );
    assert_eq!(
        error("\"316L'"),
        "the text starting at 1:1 has no closing “\"”"
    );
}

#[test]
fn comparisons_do_not_chain() {
    assert_eq!(
        error("1 < 2 < 3"),
        "comparisons cannot be chained at 1:7, join them with “and”"
    );
    assert_eq!(
        error("a = b = c"),
        "comparisons cannot be chained at 1:7, join them with “and”"
    );
    assert_eq!(super::eval("(1 < 2) = true"), true.into());
}

#[test]
fn an_empty_rule_is_its_own_error() {
    assert_eq!(error(""), "the rule is empty");
    assert_eq!(error("  \n "), "the rule is empty");
}

#[test]
fn a_number_beyond_the_decimal_range_is_too_large() {
    assert_eq!(
        error("79228162514264337593543950336"),
        "number too large at 1:1"
    );
    assert_eq!(
        error("1 + 99999999999999999999999999999999"),
        "number too large at 1:5"
    );
}

#[test]
fn errors_carry_their_position_and_kind_across_the_wire() {
    let error = Expr::parse("basin_count +").unwrap_err();
    assert_eq!(
        error,
        RuleError {
            kind: RuleErrorKind::Unexpected {
                found: None,
                expected: "a value".to_owned(),
            },
            at: Position {
                line: 1,
                column: 14
            },
        }
    );
    let json = serde_json::to_string(&error).unwrap();
    assert_eq!(serde_json::from_str::<RuleError>(&json).unwrap(), error);
}
