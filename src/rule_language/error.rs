use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Arity, MAX_RULE_CHARS, Position, ValueKind};

/// Why a rule cannot be read or evaluated, and where. The message is shown
/// as-is under the form field, so it is worded for a production coordinator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{}", message(.kind, *.at))]
pub struct RuleError {
    pub kind: RuleErrorKind,
    pub at: Position,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RuleErrorKind {
    Empty,
    TooLong,
    TooDeep,
    UnexpectedCharacter(char),
    UnterminatedText {
        quote: char,
    },
    /// `found` is the token as written, `None` at the end of the rule.
    Unexpected {
        found: Option<String>,
        expected: String,
    },
    ChainedComparison,
    NumberTooLarge,
    UnknownVariable(String),
    UnknownFunction(String),
    ArgumentCount {
        function: String,
        arity: Arity,
        got: usize,
    },
    TypeMismatch {
        expected: ValueKind,
        found: ValueKind,
    },
    Incomparable {
        left: ValueKind,
        right: ValueKind,
    },
    BranchesDiffer {
        then: ValueKind,
        otherwise: ValueKind,
    },
    DivisionByZero,
    RoundDigits(Decimal),
    NegativeQuantity(Decimal),
    NotAQuantity(ValueKind),
    NotACondition(ValueKind),
    NotPartNumberText(ValueKind),
    UnclosedPlaceholder,
    UnopenedPlaceholder,
    EmptyPlaceholder,
}

impl RuleError {
    pub(super) fn new(kind: RuleErrorKind, at: Position) -> Self {
        Self { kind, at }
    }
}

/// Errors about the rule as a whole carry no position in their wording: the
/// start of the rule would only be noise.
fn message(kind: &RuleErrorKind, at: Position) -> String {
    use RuleErrorKind::*;
    match kind {
        Empty => "the rule is empty".to_owned(),
        TooLong => format!("the rule is longer than {MAX_RULE_CHARS} characters"),
        TooDeep => format!("the rule nests too deeply at {at}"),
        UnexpectedCharacter(c) if c.is_control() => {
            format!("unexpected character “{}” at {at}", c.escape_default())
        }
        UnexpectedCharacter(c) => format!("unexpected “{c}” at {at}"),
        UnterminatedText { quote } => {
            format!("the text starting at {at} has no closing “{quote}”")
        }
        Unexpected { found, expected } => match found {
            Some(token) => format!("unexpected “{token}” at {at}, expected {expected}"),
            None => format!("unexpected end of rule at {at}, expected {expected}"),
        },
        ChainedComparison => {
            format!("comparisons cannot be chained at {at}, join them with “and”")
        }
        NumberTooLarge => format!("number too large at {at}"),
        UnknownVariable(name) => format!("unknown variable “{name}” at {at}"),
        UnknownFunction(name) => format!("unknown function “{name}” at {at}"),
        ArgumentCount {
            function,
            arity,
            got,
        } => format!("“{function}” takes {arity}, got {got} at {at}"),
        TypeMismatch { expected, found } => format!("expected {expected}, found {found} at {at}"),
        Incomparable { left, right } => format!("cannot compare {left} with {right} at {at}"),
        BranchesDiffer { then, otherwise } => format!(
            "both branches of the “if” at {at} must give the same kind of value, got {then} and {otherwise}"
        ),
        DivisionByZero => format!("division by zero at {at}"),
        RoundDigits(digits) => format!(
            "“round” takes a whole number of digits from 0 to 10, got {} at {at}",
            digits.normalize()
        ),
        NegativeQuantity(quantity) => {
            format!(
                "quantity must not be negative, got {}",
                quantity.normalize()
            )
        }
        NotAQuantity(found) => format!("expected a number for the quantity, found {found}"),
        NotACondition(found) => format!("expected a true/false condition, found {found}"),
        NotPartNumberText(found) => {
            format!("a part-number placeholder must give a number or text, found {found} at {at}")
        }
        UnclosedPlaceholder => format!("the “{{” at {at} has no matching “}}”"),
        UnopenedPlaceholder => format!("the “}}” at {at} has no matching “{{”"),
        EmptyPlaceholder => format!("the placeholder at {at} is empty"),
    }
}

pub(super) fn mismatch(expected: ValueKind, found: ValueKind, at: Position) -> RuleError {
    RuleError::new(RuleErrorKind::TypeMismatch { expected, found }, at)
}
