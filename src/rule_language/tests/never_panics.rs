use proptest::prelude::*;

use super::{sink, sink_kinds};
use crate::rule_language::{Condition, Expr, Formula, Pattern, Position, RuleError};

/// An error must point into the text the user typed, or just past its end.
fn points_into(src: &str, error: &RuleError) -> bool {
    let Position { line, column } = error.at;
    let lines: Vec<&str> = src.split('\n').collect();
    let Some(text) = lines.get((line as usize).wrapping_sub(1)) else {
        return false;
    };
    column >= 1 && column as usize <= text.chars().count() + 1
}

/// Runs `src` through everything an admin's form and the BOM builder do with
/// a rule; each error must be well-placed and say something.
fn exercise(src: &str) -> Result<(), TestCaseError> {
    let vars = sink();
    let mut errors = Vec::new();
    match Expr::parse(src) {
        Ok(expr) => {
            errors.extend(expr.check(&sink_kinds).err());
            errors.extend(expr.eval(&vars).err());
            prop_assert!(expr.variables().len() <= src.len());
        }
        Err(error) => errors.push(error),
    }
    if let Ok(formula) = Formula::parse(src) {
        errors.extend(formula.check(&sink_kinds).err());
        errors.extend(formula.quantity(&vars).err());
    }
    if let Ok(condition) = Condition::parse(src) {
        errors.extend(condition.check(&sink_kinds).err());
        errors.extend(condition.holds(&vars).err());
    }
    match Pattern::parse(src) {
        Ok(pattern) => {
            errors.extend(pattern.check(&sink_kinds).err());
            errors.extend(pattern.render(&vars).err());
        }
        Err(error) => errors.push(error),
    }
    for error in errors {
        prop_assert!(points_into(src, &error), "{error:?} outside {src:?}");
        prop_assert!(!error.to_string().is_empty());
    }
    Ok(())
}

fn token() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "(",
        ")",
        ",",
        "+",
        "-",
        "*",
        "/",
        "%",
        "=",
        "==",
        "!=",
        "<>",
        "<",
        "<=",
        ">",
        ">=",
        "!",
        "and",
        "OR",
        "not",
        "true",
        "False",
        "if",
        "ceil",
        "floor",
        "round",
        "min",
        "max",
        "abs",
        "sqrt",
        "{",
        "}",
        "'",
        "\"",
        ".",
        "\n",
        "basin_count",
        "legs.height",
        "material",
        "has_faucet",
        "pegboard.is_custom",
        "0",
        "0.5",
        "-0",
        "79228162514264337593543950335",
        "0.0000000000000000000000000001",
        "1e5",
        "ü",
    ]);
    prop_oneof![
        fixed.prop_map(str::to_owned),
        "[0-9]{1,32}(\\.[0-9]{1,32})?",
        "[a-zA-Z_][a-zA-Z0-9_.]{0,8}",
        "'[^']{0,5}'",
    ]
}

fn token_soup() -> impl Strategy<Value = String> {
    (prop::collection::vec(token(), 0..60), any::<bool>())
        .prop_map(|(tokens, spaced)| tokens.join(if spaced { " " } else { "" }))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_text_gives_a_result_or_a_placed_error(src in ".*") {
        exercise(&src)?;
    }

    #[test]
    fn any_token_soup_gives_a_result_or_a_placed_error(src in token_soup()) {
        exercise(&src)?;
    }

    #[test]
    fn deep_soups_of_prefixes_and_parentheses_are_refused_not_crashed(
        soup in prop::collection::vec(prop::sample::select(vec!["(", "-", "not ", "abs(", "1", ")", "+"]), 0..700)
    ) {
        exercise(&soup.concat())?;
    }
}
