use rust_decimal::Decimal;

use super::{Evaluation, Expr, RuleError, RuleErrorKind, Value, ValueKind, Variables};

/// A BOM line's quantity, e.g. `ceil(pegboard_area / 144)`: a number, never
/// negative.
#[derive(Debug, Clone, PartialEq)]
pub struct Formula(Expr);

impl Formula {
    pub fn parse(src: &str) -> Result<Formula, RuleError> {
        Expr::parse(src).map(Formula)
    }

    pub fn expr(&self) -> &Expr {
        &self.0
    }

    /// Only the kind can be checked ahead: whether the result is negative
    /// depends on the order's values.
    pub fn check(&self, known: &dyn Fn(&str) -> Option<ValueKind>) -> Result<(), RuleError> {
        match self.0.check(known)? {
            ValueKind::Number => Ok(()),
            found => Err(self.error(RuleErrorKind::NotAQuantity(found))),
        }
    }

    /// The quantity, without trailing zeros, and the variables read for it.
    pub fn quantity(
        &self,
        vars: &dyn Variables,
    ) -> Result<(Decimal, Vec<(String, Value)>), RuleError> {
        let Evaluation { value, used } = self.0.eval(vars)?;
        match value {
            Value::Number(quantity) if quantity < Decimal::ZERO => {
                Err(self.error(RuleErrorKind::NegativeQuantity(quantity)))
            }
            Value::Number(quantity) => Ok((quantity.normalize(), used)),
            other => Err(self.error(RuleErrorKind::NotAQuantity(other.kind()))),
        }
    }

    fn error(&self, kind: RuleErrorKind) -> RuleError {
        RuleError::new(kind, self.0.start())
    }
}
