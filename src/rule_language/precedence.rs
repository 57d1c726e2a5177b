use super::operators::{Arithmetic, BinaryOp, Order};
use super::token::TokenKind;

/// How tightly operators bind, loosest first. `not` sits between `and` and
/// the comparisons so that `not a = b` reads as `not (a = b)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Level {
    Or,
    And,
    Not,
    Comparison,
    Additive,
    Multiplicative,
    Prefix,
}

impl Level {
    pub(super) fn tighter(self) -> Level {
        match self {
            Level::Or => Level::And,
            Level::And => Level::Not,
            Level::Not => Level::Comparison,
            Level::Comparison => Level::Additive,
            Level::Additive => Level::Multiplicative,
            Level::Multiplicative | Level::Prefix => Level::Prefix,
        }
    }
}

pub(super) fn binary_operator(kind: &TokenKind) -> Option<(BinaryOp, Level)> {
    let comparison = |op| Some((op, Level::Comparison));
    let arithmetic = |op, level| Some((BinaryOp::Arithmetic(op), level));
    match kind {
        TokenKind::Or => Some((BinaryOp::Or, Level::Or)),
        TokenKind::And => Some((BinaryOp::And, Level::And)),
        TokenKind::Equal => comparison(BinaryOp::Equal),
        TokenKind::NotEqual => comparison(BinaryOp::NotEqual),
        TokenKind::Less => comparison(BinaryOp::Order(Order::Less)),
        TokenKind::LessEqual => comparison(BinaryOp::Order(Order::LessEqual)),
        TokenKind::Greater => comparison(BinaryOp::Order(Order::Greater)),
        TokenKind::GreaterEqual => comparison(BinaryOp::Order(Order::GreaterEqual)),
        TokenKind::Plus => arithmetic(Arithmetic::Add, Level::Additive),
        TokenKind::Minus => arithmetic(Arithmetic::Subtract, Level::Additive),
        TokenKind::Star => arithmetic(Arithmetic::Multiply, Level::Multiplicative),
        TokenKind::Slash => arithmetic(Arithmetic::Divide, Level::Multiplicative),
        TokenKind::Percent => arithmetic(Arithmetic::Remainder, Level::Multiplicative),
        _ => None,
    }
}
