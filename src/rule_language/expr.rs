use super::ast::Node;
use super::check::check;
use super::eval::eval;
use super::parser::parse;
use super::reader::Reader;
use super::{Position, RuleError, Value, ValueKind, Variables};

/// A parsed rule, ready to check against the variables a template offers or
/// to evaluate against one order's values.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    root: Node,
}

/// A rule's value and the variables it read to get there (each once, in the
/// order first read): a BOM line keeps these as its explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub value: Value,
    pub used: Vec<(String, Value)>,
}

impl Expr {
    pub fn parse(src: &str) -> Result<Expr, RuleError> {
        Self::parse_at(src, Position::START)
    }

    pub(super) fn parse_at(src: &str, start: Position) -> Result<Expr, RuleError> {
        parse(src, start).map(|root| Expr { root })
    }

    /// The names the rule mentions, each once, in order of first mention,
    /// including ones an `if` or `and` may skip at run time.
    pub fn variables(&self) -> Vec<&str> {
        let mut names = Vec::new();
        self.collect_variables(&mut names);
        names
    }

    pub(super) fn collect_variables<'a>(&'a self, names: &mut Vec<&'a str>) {
        self.root.collect_variables(names);
    }

    /// The kind of value the rule gives, given each variable's kind, or the
    /// first mistake that would make it fail whatever the values.
    pub fn check(&self, known: &dyn Fn(&str) -> Option<ValueKind>) -> Result<ValueKind, RuleError> {
        check(&self.root, known)
    }

    pub fn eval(&self, vars: &dyn Variables) -> Result<Evaluation, RuleError> {
        let mut reader = Reader::new(vars);
        let value = self.eval_with(&mut reader)?;
        Ok(Evaluation {
            value,
            used: reader.into_used(),
        })
    }

    pub(super) fn eval_with(&self, reader: &mut Reader<'_>) -> Result<Value, RuleError> {
        eval(&self.root, reader)
    }

    pub(super) fn start(&self) -> Position {
        self.root.start
    }
}
