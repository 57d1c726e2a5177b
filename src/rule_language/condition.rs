use super::{Evaluation, Expr, RuleError, RuleErrorKind, Value, ValueKind, Variables};

/// Whether a BOM line applies, or which template an order selects, e.g.
/// `pegboard.is_custom = true and legs.height > 30`: always true or false.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition(Expr);

impl Condition {
    pub fn parse(src: &str) -> Result<Condition, RuleError> {
        Expr::parse(src).map(Condition)
    }

    pub fn expr(&self) -> &Expr {
        &self.0
    }

    pub fn check(&self, known: &dyn Fn(&str) -> Option<ValueKind>) -> Result<(), RuleError> {
        match self.0.check(known)? {
            ValueKind::Bool => Ok(()),
            found => Err(self.error(found)),
        }
    }

    /// Whether the condition holds, and the variables read to decide it.
    pub fn holds(&self, vars: &dyn Variables) -> Result<(bool, Vec<(String, Value)>), RuleError> {
        let Evaluation { value, used } = self.0.eval(vars)?;
        match value {
            Value::Bool(holds) => Ok((holds, used)),
            other => Err(self.error(other.kind())),
        }
    }

    fn error(&self, found: ValueKind) -> RuleError {
        RuleError::new(RuleErrorKind::NotACondition(found), self.0.start())
    }
}
