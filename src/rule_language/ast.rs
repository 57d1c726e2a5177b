use super::functions::Call;
use super::operators::BinaryOp;
use super::{Position, Value};

/// `start` is where the sub-expression begins in the source, used to point
/// at the operand that has the wrong kind of value.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Node {
    pub(super) kind: NodeKind,
    pub(super) start: Position,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum NodeKind {
    Literal(Value),
    Variable(String),
    Negate(Box<Node>),
    Not(Box<Node>),
    /// `a + b - c`, `a and b and c`: one node for a run of operators of
    /// the same precedence, evaluated left to right. Kept flat so that a long
    /// sum does not make the tree, and the recursion over it, deep.
    Chain {
        first: Box<Node>,
        rest: Vec<Link>,
    },
    Call(Call),
}

/// One operator of a chain and the operand to its right.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Link {
    pub(super) op: BinaryOp,
    pub(super) at: Position,
    pub(super) operand: Node,
}

impl Node {
    /// Adds the names this node refers to, left to right, skipping ones
    /// already listed.
    pub(super) fn collect_variables<'a>(&'a self, names: &mut Vec<&'a str>) {
        match &self.kind {
            NodeKind::Literal(_) => {}
            NodeKind::Variable(name) => {
                if !names.contains(&name.as_str()) {
                    names.push(name);
                }
            }
            NodeKind::Negate(operand) | NodeKind::Not(operand) => operand.collect_variables(names),
            NodeKind::Chain { first, rest } => {
                first.collect_variables(names);
                for link in rest {
                    link.operand.collect_variables(names);
                }
            }
            NodeKind::Call(call) => {
                for arg in call.args() {
                    arg.collect_variables(names);
                }
            }
        }
    }
}
