use super::{Position, RuleError, RuleErrorKind, Value, Variables};

/// Reads variables for one evaluation and remembers each one read, in
/// order, so a BOM line can say which inputs gave it its quantity.
pub(super) struct Reader<'a> {
    vars: &'a dyn Variables,
    used: Vec<(String, Value)>,
}

impl<'a> Reader<'a> {
    pub(super) fn new(vars: &'a dyn Variables) -> Self {
        Self {
            vars,
            used: Vec::new(),
        }
    }

    pub(super) fn into_used(self) -> Vec<(String, Value)> {
        self.used
    }

    /// A variable read twice gives the same value both times, even if the
    /// source would answer differently the second time.
    pub(super) fn read(&mut self, name: &str, at: Position) -> Result<Value, RuleError> {
        if let Some((_, value)) = self.used.iter().find(|(used, _)| used == name) {
            return Ok(value.clone());
        }
        let value = self
            .vars
            .get(name)
            .ok_or_else(|| RuleError::new(RuleErrorKind::UnknownVariable(name.to_owned()), at))?;
        self.used.push((name.to_owned(), value.clone()));
        Ok(value)
    }
}
