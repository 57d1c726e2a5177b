use rust_decimal::Decimal;

use super::ast::{Link, Node, NodeKind};
use super::call::eval_call;
use super::reader::Reader;
use super::{Position, RuleError, Value};

/// Evaluation recurses once per level of the tree, so each function on that
/// path does one small thing and leaves the work on values to non-recursive
/// helpers: deep rules then need little stack even in unoptimised builds.
pub(super) fn eval(node: &Node, reader: &mut Reader<'_>) -> Result<Value, RuleError> {
    match &node.kind {
        NodeKind::Literal(value) => Ok(value.clone()),
        NodeKind::Variable(name) => reader.read(name, node.start),
        NodeKind::Negate(operand) => number(operand, reader).map(|number| Value::Number(-number)),
        NodeKind::Not(operand) => boolean(operand, reader).map(|flag| Value::Bool(!flag)),
        NodeKind::Chain { first, rest } => chain(first, rest, reader),
        NodeKind::Call(call) => eval_call(call, reader),
    }
}

fn chain(first: &Node, rest: &[Link], reader: &mut Reader<'_>) -> Result<Value, RuleError> {
    let mut value = eval(first, reader)?;
    for link in rest {
        value = apply(value, first.start, link, reader)?;
    }
    Ok(value)
}

fn apply(
    left: Value,
    left_start: Position,
    link: &Link,
    reader: &mut Reader<'_>,
) -> Result<Value, RuleError> {
    link.op.check_left(left.kind(), left_start)?;
    if let Some(value) = link.op.decided_by(&left) {
        return Ok(value);
    }
    let right = eval(&link.operand, reader)?;
    link.op
        .apply((left, left_start), (right, link.operand.start), link.at)
}

pub(super) fn number(node: &Node, reader: &mut Reader<'_>) -> Result<Decimal, RuleError> {
    eval(node, reader)?.as_number(node.start)
}

pub(super) fn boolean(node: &Node, reader: &mut Reader<'_>) -> Result<bool, RuleError> {
    eval(node, reader)?.as_bool(node.start)
}
