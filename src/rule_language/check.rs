use super::ast::{Link, Node, NodeKind};
use super::error::mismatch;
use super::functions::Call;
use super::{Position, RuleError, RuleErrorKind, ValueKind};

/// The kinds of the variables a template may use, by full dotted name.
type Known<'a> = &'a dyn Fn(&str) -> Option<ValueKind>;

/// The kind of value `node` gives whatever the variables hold, or the first
/// mistake that would make evaluating it fail for every input. Unlike
/// evaluation it looks at every branch, so a mistake cannot hide in the
/// side of an `if` or `and` that today's order happens to skip.
pub(super) fn check(node: &Node, known: Known<'_>) -> Result<ValueKind, RuleError> {
    match &node.kind {
        NodeKind::Literal(value) => Ok(value.kind()),
        NodeKind::Variable(name) => known(name).ok_or_else(|| {
            RuleError::new(RuleErrorKind::UnknownVariable(name.clone()), node.start)
        }),
        NodeKind::Negate(operand) => expect(operand, ValueKind::Number, known),
        NodeKind::Not(operand) => expect(operand, ValueKind::Bool, known),
        NodeKind::Chain { first, rest } => {
            let mut kind = check(first, known)?;
            for link in rest {
                kind = check_link(kind, first.start, link, known)?;
            }
            Ok(kind)
        }
        NodeKind::Call(call) => check_call(call, node.start, known),
    }
}

fn check_link(
    left: ValueKind,
    left_start: Position,
    link: &Link,
    known: Known<'_>,
) -> Result<ValueKind, RuleError> {
    link.op.check_left(left, left_start)?;
    let right = check(&link.operand, known)?;
    link.op
        .result_kind(left, (right, link.operand.start), link.at)
}

/// Every function but `if` takes and gives numbers.
fn check_call(call: &Call, at: Position, known: Known<'_>) -> Result<ValueKind, RuleError> {
    let Call::If {
        condition,
        then,
        otherwise,
    } = call
    else {
        for arg in call.args() {
            expect(arg, ValueKind::Number, known)?;
        }
        return Ok(ValueKind::Number);
    };
    expect(condition, ValueKind::Bool, known)?;
    let (then, otherwise) = (check(then, known)?, check(otherwise, known)?);
    if then == otherwise {
        Ok(then)
    } else {
        let kind = RuleErrorKind::BranchesDiffer { then, otherwise };
        Err(RuleError::new(kind, at))
    }
}

fn expect(node: &Node, expected: ValueKind, known: Known<'_>) -> Result<ValueKind, RuleError> {
    let found = check(node, known)?;
    if found == expected {
        Ok(found)
    } else {
        Err(mismatch(expected, found, node.start))
    }
}
