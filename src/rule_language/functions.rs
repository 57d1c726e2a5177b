use std::fmt;

use serde::{Deserialize, Serialize};

use super::RuleErrorKind;
use super::ast::Node;

/// A function call with its arguments checked against the function's
/// arity when parsed, so evaluation never meets a wrong count.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Call {
    Ceil(Box<Node>),
    Floor(Box<Node>),
    Abs(Box<Node>),
    Round {
        value: Box<Node>,
        digits: Option<Box<Node>>,
    },
    Min(Box<Node>, Vec<Node>),
    Max(Box<Node>, Vec<Node>),
    If {
        condition: Box<Node>,
        then: Box<Node>,
        otherwise: Box<Node>,
    },
}

/// How many arguments a function takes, for the error message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Arity {
    Exactly(usize),
    OneOrTwo,
    AtLeastOne,
}

impl Call {
    /// Function names are case-insensitive, like keywords.
    pub(super) fn build(name: &str, args: Vec<Node>) -> Result<Call, RuleErrorKind> {
        let function = name.to_ascii_lowercase();
        let got = args.len();
        let (call, arity) = match function.as_str() {
            "ceil" => (one(args).map(Call::Ceil), Arity::Exactly(1)),
            "floor" => (one(args).map(Call::Floor), Arity::Exactly(1)),
            "abs" => (one(args).map(Call::Abs), Arity::Exactly(1)),
            "round" => (round(args), Arity::OneOrTwo),
            "min" => (
                at_least_one(args).map(|(a, rest)| Call::Min(a, rest)),
                Arity::AtLeastOne,
            ),
            "max" => (
                at_least_one(args).map(|(a, rest)| Call::Max(a, rest)),
                Arity::AtLeastOne,
            ),
            "if" => (conditional(args), Arity::Exactly(3)),
            _ => return Err(RuleErrorKind::UnknownFunction(name.to_owned())),
        };
        call.ok_or(RuleErrorKind::ArgumentCount {
            function,
            arity,
            got,
        })
    }

    /// The arguments in the order they were written.
    pub(super) fn args(&self) -> Vec<&Node> {
        match self {
            Call::Ceil(x) | Call::Floor(x) | Call::Abs(x) => vec![x],
            Call::Round { value, digits } => [Some(value), digits.as_ref()]
                .into_iter()
                .flatten()
                .map(|arg| &**arg)
                .collect(),
            Call::Min(first, rest) | Call::Max(first, rest) => {
                std::iter::once(&**first).chain(rest).collect()
            }
            Call::If {
                condition,
                then,
                otherwise,
            } => vec![condition, then, otherwise],
        }
    }
}

fn one(args: Vec<Node>) -> Option<Box<Node>> {
    let [x] = <[Node; 1]>::try_from(args).ok()?;
    Some(Box::new(x))
}

fn round(args: Vec<Node>) -> Option<Call> {
    let mut args = args.into_iter();
    match (args.next(), args.next(), args.next()) {
        (Some(value), digits, None) => Some(Call::Round {
            value: Box::new(value),
            digits: digits.map(Box::new),
        }),
        _ => None,
    }
}

fn at_least_one(args: Vec<Node>) -> Option<(Box<Node>, Vec<Node>)> {
    let mut args = args.into_iter();
    let first = args.next()?;
    Some((Box::new(first), args.collect()))
}

fn conditional(args: Vec<Node>) -> Option<Call> {
    let [condition, then, otherwise] = <[Node; 3]>::try_from(args).ok()?;
    Some(Call::If {
        condition: Box::new(condition),
        then: Box::new(then),
        otherwise: Box::new(otherwise),
    })
}

impl fmt::Display for Arity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arity::Exactly(1) => f.write_str("1 argument"),
            Arity::Exactly(n) => write!(f, "{n} arguments"),
            Arity::OneOrTwo => f.write_str("1 or 2 arguments"),
            Arity::AtLeastOne => f.write_str("at least 1 argument"),
        }
    }
}
