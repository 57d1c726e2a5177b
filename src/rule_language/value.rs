use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::error::mismatch;
use super::{Position, RuleError};

/// What a rule computes and what its variables hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Value {
    Number(Decimal),
    Bool(bool),
    Text(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ValueKind {
    Number,
    Bool,
    Text,
}

impl Value {
    pub fn kind(&self) -> ValueKind {
        match self {
            Value::Number(_) => ValueKind::Number,
            Value::Bool(_) => ValueKind::Bool,
            Value::Text(_) => ValueKind::Text,
        }
    }

    /// The number this value holds; `at` is where it came from in the rule.
    pub(super) fn as_number(&self, at: Position) -> Result<Decimal, RuleError> {
        match self {
            Value::Number(number) => Ok(*number),
            other => Err(mismatch(ValueKind::Number, other.kind(), at)),
        }
    }

    pub(super) fn as_bool(&self, at: Position) -> Result<bool, RuleError> {
        match self {
            Value::Bool(flag) => Ok(*flag),
            other => Err(mismatch(ValueKind::Bool, other.kind(), at)),
        }
    }
}

/// Numbers print without trailing zeros so `30.0` inches becomes part
/// number `…-30`, not `…-30.0`.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Number(number) => write!(f, "{}", number.normalize()),
            Value::Bool(flag) => write!(f, "{flag}"),
            Value::Text(text) => f.write_str(text),
        }
    }
}

/// Worded for error messages: "expected a number, found text".
impl fmt::Display for ValueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ValueKind::Number => "a number",
            ValueKind::Bool => "true/false",
            ValueKind::Text => "text",
        })
    }
}

impl From<Decimal> for Value {
    fn from(number: Decimal) -> Self {
        Value::Number(number)
    }
}

impl From<bool> for Value {
    fn from(flag: bool) -> Self {
        Value::Bool(flag)
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Value::Text(text.to_owned())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Value::Text(text)
    }
}
