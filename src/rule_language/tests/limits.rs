use std::collections::BTreeMap;

use super::{error, eval, number};
use crate::rule_language::{Expr, MAX_NESTING, MAX_RULE_CHARS, Value};

fn nested(open: &str, core: &str, close: &str, depth: usize) -> String {
    format!("{}{core}{}", open.repeat(depth), close.repeat(depth))
}

#[test]
fn a_rule_of_1000_characters_is_accepted_and_one_more_is_not() {
    let longest = format!("1{} ", "+1".repeat(499));
    assert_eq!(longest.chars().count(), 1000);
    assert_eq!(eval(&longest), number("500"));
    assert_eq!(
        error(&format!("{longest}1")),
        "the rule is longer than 1000 characters"
    );
    let wide = "ü".repeat(1000);
    assert_eq!(error(&wide), "unexpected “ü” at 1:1");
}

#[test]
fn a_long_chain_of_operators_is_not_nesting() {
    let chain = format!("1{}", "-1".repeat(499));
    assert_eq!(eval(&chain), number("-498"));
    let conjunction = format!("{}true", "true and ".repeat(110));
    assert_eq!(eval(&conjunction), true.into());
}

#[test]
fn parentheses_nest_64_deep_and_no_deeper() {
    assert_eq!(eval(&nested("(", "1", ")", 64)), number("1"));
    assert_eq!(
        error(&nested("(", "1", ")", 65)),
        "the rule nests too deeply at 1:65"
    );
    assert_eq!(
        error(&nested("(", "1", ")", 400)),
        "the rule nests too deeply at 1:65"
    );
}

#[test]
fn prefix_operators_count_as_nesting() {
    assert_eq!(eval(&nested("-", "1", "", 64)), number("1"));
    assert_eq!(
        error(&nested("-", "1", "", 65)),
        "the rule nests too deeply at 1:65"
    );
    assert_eq!(eval(&nested("not ", "true", "", 64)), true.into());
    assert_eq!(
        error(&nested("not ", "true", "", 65)),
        "the rule nests too deeply at 1:257"
    );
}

#[test]
fn function_calls_count_as_nesting() {
    assert_eq!(eval(&nested("abs(", "1", ")", 64)), number("1"));
    assert_eq!(
        error(&nested("abs(", "1", ")", 65)),
        "the rule nests too deeply at 1:257"
    );
    assert_eq!(
        error(&nested("(-", "1", ")", 40)),
        "the rule nests too deeply at 1:65"
    );
}

/// The deepest rules the limits allow: 64 nestings of each kind, and
/// parentheses around every precedence level as often as 1000 characters
/// permit (the tallest tree a rule can have).
fn deepest_rules() -> Vec<String> {
    let ladder = "a or b and 1=1+1*(";
    let rungs = MAX_RULE_CHARS / (ladder.len() + 1);
    vec![
        format!("{}1{}", ladder.repeat(rungs), ")".repeat(rungs)),
        nested("(", "1", ")", MAX_NESTING),
        nested("abs(", "1", ")", MAX_NESTING),
        nested("if(b,", "1", ",1)", MAX_NESTING),
        nested("not ", "b", "", MAX_NESTING),
        nested("-(", "1", ")", MAX_NESTING / 2),
    ]
}

#[test]
fn the_deepest_rules_need_less_than_half_a_default_thread_stack() {
    let run = || {
        let vars: BTreeMap<String, Value> = [
            ("a".to_owned(), false.into()),
            ("b".to_owned(), true.into()),
        ]
        .into();
        let kinds = |name: &str| vars.get(name).map(Value::kind);
        for src in deepest_rules() {
            let expr = Expr::parse(&src).unwrap();
            let _ = (expr.check(&kinds), expr.eval(&vars), expr.variables());
            assert_eq!(expr.clone(), expr);
            assert!(!format!("{expr:?}").is_empty());
        }
    };
    let one_mib = 1 << 20;
    let thread = std::thread::Builder::new().stack_size(one_mib).spawn(run);
    assert!(thread.unwrap().join().is_ok());
}
