use serde::{Deserialize, Serialize};

use super::vocabulary::known;
use crate::rule_language::{Condition, RuleError, Variables};

/// When a template applies to a configuration, e.g. `basin_count = 3 and
/// legs.adjustable`; a template without a rule applies to any.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection(Condition);

impl Selection {
    pub fn parse(rule: &str) -> Result<Selection, RuleError> {
        let rule = if rule.trim().is_empty() { "true" } else { rule };
        let condition = Condition::parse(rule)?;
        condition.check(&known)?;
        Ok(Selection(condition))
    }

    pub fn matches(&self, vars: &dyn Variables) -> Result<bool, RuleError> {
        self.0.holds(vars).map(|(holds, _)| holds)
    }
}

/// A selection rule that could not be evaluated; `index` is the
/// candidate's place in the list tried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("selection rule of template {} in the order tried: {error}", .index + 1)]
pub struct SelectionFailure {
    pub index: usize,
    pub error: RuleError,
}

/// The first candidate whose rule holds: callers list the most specific
/// templates first. A rule that fails stops the choice rather than let a
/// less specific template be picked by mistake.
pub fn select<'a, T>(
    candidates: &'a [(T, Selection)],
    vars: &dyn Variables,
) -> Result<Option<&'a T>, SelectionFailure> {
    for (index, (candidate, selection)) in candidates.iter().enumerate() {
        let matches = selection
            .matches(vars)
            .map_err(|error| SelectionFailure { index, error })?;
        if matches {
            return Ok(Some(candidate));
        }
    }
    Ok(None)
}
