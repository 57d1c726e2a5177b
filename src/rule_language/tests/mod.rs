use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::{Expr, Value, ValueKind};

mod arithmetic;
mod check;
mod functions;
mod generated;
mod limits;
mod logic;
mod never_panics;
mod pattern;
mod quantity_and_condition;
mod runtime_errors;
mod syntax_errors;
mod used;

pub(super) fn decimal(text: &str) -> Decimal {
    text.parse().unwrap()
}

pub(super) fn number(text: &str) -> Value {
    Value::Number(decimal(text))
}

/// A configured sink as a BOM template would see it.
pub(super) fn sink() -> BTreeMap<String, Value> {
    [
        ("basin_count", number("2")),
        ("pegboard_area", number("300")),
        ("pegboard.is_custom", Value::Bool(true)),
        ("legs.height", number("34")),
        ("legs.height_class", Value::from("H34")),
        ("basin.width", number("24.5")),
        ("material", Value::from("316L")),
        ("has_faucet", Value::Bool(false)),
    ]
    .into_iter()
    .map(|(name, value)| (name.to_owned(), value))
    .collect()
}

pub(super) fn sink_kinds(name: &str) -> Option<ValueKind> {
    sink().get(name).map(Value::kind)
}

pub(super) fn eval(src: &str) -> Value {
    match Expr::parse(src).and_then(|expr| expr.eval(&sink())) {
        Ok(evaluation) => evaluation.value,
        Err(error) => panic!("“{src}” failed: {error}"),
    }
}

/// The message a user would see for `src`, whether parsing or evaluating
/// it fails.
pub(super) fn error(src: &str) -> String {
    match Expr::parse(src).and_then(|expr| expr.eval(&sink())) {
        Ok(evaluation) => panic!("“{src}” gave {} instead of an error", evaluation.value),
        Err(error) => error.to_string(),
    }
}
