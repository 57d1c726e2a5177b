use rust_decimal::Decimal;

use super::error::mismatch;
use super::{Position, RuleError, RuleErrorKind, Value, ValueKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BinaryOp {
    Or,
    And,
    Equal,
    NotEqual,
    Order(Order),
    Arithmetic(Arithmetic),
}

/// Comparisons that need numbers on both sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Order {
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Arithmetic {
    Add,
    Subtract,
    Multiply,
    Divide,
    Remainder,
}

/// One side of an operator: its value and where it starts in the rule.
pub(super) type Side = (Value, Position);

impl BinaryOp {
    /// The kind both sides must have; `None` for equality, which takes any
    /// kind as long as both sides agree.
    fn operand_kind(self) -> Option<ValueKind> {
        match self {
            BinaryOp::Or | BinaryOp::And => Some(ValueKind::Bool),
            BinaryOp::Equal | BinaryOp::NotEqual => None,
            BinaryOp::Order(_) | BinaryOp::Arithmetic(_) => Some(ValueKind::Number),
        }
    }

    /// Refuses a left side of the wrong kind before the right side is
    /// looked at, so errors come in reading order.
    pub(super) fn check_left(self, left: ValueKind, at: Position) -> Result<(), RuleError> {
        match self.operand_kind() {
            Some(expected) if expected != left => Err(mismatch(expected, left, at)),
            _ => Ok(()),
        }
    }

    /// The kind of `left op right`; `at` is the operator's position.
    pub(super) fn result_kind(
        self,
        left: ValueKind,
        (right, right_start): (ValueKind, Position),
        at: Position,
    ) -> Result<ValueKind, RuleError> {
        match self.operand_kind() {
            Some(expected) if expected != right => Err(mismatch(expected, right, right_start)),
            None if left != right => Err(RuleError::new(
                RuleErrorKind::Incomparable { left, right },
                at,
            )),
            _ => match self {
                BinaryOp::Arithmetic(_) => Ok(ValueKind::Number),
                _ => Ok(ValueKind::Bool),
            },
        }
    }

    /// The value of `left op right` when the left side alone decides it:
    /// `false and …`, `true or …`. The right side is then never evaluated,
    /// so `basins > 0 and width / basins > 20` is safe with no basins.
    pub(super) fn decided_by(self, left: &Value) -> Option<Value> {
        match (self, left) {
            (BinaryOp::Or, Value::Bool(true)) | (BinaryOp::And, Value::Bool(false)) => {
                Some(left.clone())
            }
            _ => None,
        }
    }

    /// The value of `left op right`; `at` is the operator's position, where
    /// division by zero and overflow are reported.
    pub(super) fn apply(
        self,
        (left, left_start): Side,
        (right, right_start): Side,
        at: Position,
    ) -> Result<Value, RuleError> {
        let number = |value: &Value, start| value.as_number(start);
        let value = match self {
            BinaryOp::Or => Value::Bool(left.as_bool(left_start)? || right.as_bool(right_start)?),
            BinaryOp::And => Value::Bool(left.as_bool(left_start)? && right.as_bool(right_start)?),
            BinaryOp::Equal | BinaryOp::NotEqual => {
                self.result_kind(left.kind(), (right.kind(), right_start), at)?;
                Value::Bool((left == right) == (self == BinaryOp::Equal))
            }
            BinaryOp::Order(order) => {
                Value::Bool(order.holds(number(&left, left_start)?, number(&right, right_start)?))
            }
            BinaryOp::Arithmetic(arithmetic) => {
                let result =
                    arithmetic.apply(number(&left, left_start)?, number(&right, right_start)?);
                Value::Number(result.map_err(|kind| RuleError::new(kind, at))?)
            }
        };
        Ok(value)
    }
}

impl Order {
    fn holds(self, left: Decimal, right: Decimal) -> bool {
        match self {
            Order::Less => left < right,
            Order::LessEqual => left <= right,
            Order::Greater => left > right,
            Order::GreaterEqual => left >= right,
        }
    }
}

impl Arithmetic {
    /// Checked so that an admin's formula over extreme values reports an
    /// error instead of aborting the server.
    fn apply(self, left: Decimal, right: Decimal) -> Result<Decimal, RuleErrorKind> {
        let result = match self {
            Arithmetic::Add => left.checked_add(right),
            Arithmetic::Subtract => left.checked_sub(right),
            Arithmetic::Multiply => left.checked_mul(right),
            Arithmetic::Divide | Arithmetic::Remainder if right.is_zero() => {
                return Err(RuleErrorKind::DivisionByZero);
            }
            Arithmetic::Divide => left.checked_div(right),
            Arithmetic::Remainder => left.checked_rem(right),
        };
        result.ok_or(RuleErrorKind::NumberTooLarge)
    }
}
