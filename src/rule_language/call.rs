use rust_decimal::{Decimal, RoundingStrategy};

use super::ast::Node;
use super::eval::{boolean, eval, number};
use super::functions::Call;
use super::reader::Reader;
use super::{RuleError, RuleErrorKind, Value};

/// More digits than any dimension or quantity in the shop needs.
const MAX_ROUND_DIGITS: u32 = 10;

pub(super) fn eval_call(call: &Call, reader: &mut Reader<'_>) -> Result<Value, RuleError> {
    let result = match call {
        Call::Ceil(x) => number(x, reader)?.ceil(),
        Call::Floor(x) => number(x, reader)?.floor(),
        Call::Abs(x) => number(x, reader)?.abs(),
        Call::Round { value, digits } => {
            let value = number(value, reader)?;
            let digits = match digits {
                Some(digits) => round_digits(digits, reader)?,
                None => 0,
            };
            // Half away from zero, as people round by hand: 2.5 → 3, -2.5 → -3.
            value.round_dp_with_strategy(digits, RoundingStrategy::MidpointAwayFromZero)
        }
        Call::Min(first, rest) => extreme(first, rest, reader, Decimal::min)?,
        Call::Max(first, rest) => extreme(first, rest, reader, Decimal::max)?,
        Call::If {
            condition,
            then,
            otherwise,
        } => {
            let taken = if boolean(condition, reader)? {
                then
            } else {
                otherwise
            };
            return eval(taken, reader);
        }
    };
    Ok(Value::Number(result))
}

fn round_digits(node: &Node, reader: &mut Reader<'_>) -> Result<u32, RuleError> {
    let digits = number(node, reader)?;
    (0..=MAX_ROUND_DIGITS)
        .find(|&allowed| Decimal::from(allowed) == digits)
        .ok_or_else(|| RuleError::new(RuleErrorKind::RoundDigits(digits), node.start))
}

fn extreme(
    first: &Node,
    rest: &[Node],
    reader: &mut Reader<'_>,
    pick: fn(Decimal, Decimal) -> Decimal,
) -> Result<Decimal, RuleError> {
    let first = number(first, reader)?;
    rest.iter()
        .try_fold(first, |best, node| Ok(pick(best, number(node, reader)?)))
}
