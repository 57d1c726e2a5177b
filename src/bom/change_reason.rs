//! Why a coordinator asks for a new BOM version of an approved
//! configuration ("template corrected", say): the version records it, so a
//! request without one is refused before anything is generated.

use crate::FieldError;

/// A reason that says something: trimmed and not empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeReason(String);

impl ChangeReason {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let reason = raw.trim();
        if reason.is_empty() {
            return Err(FieldError::new(
                "reason",
                "Say why a new version is needed, e.g. “template corrected”.",
            ));
        }
        Ok(Self(reason.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_is_kept_without_the_spaces_around_it() {
        let reason = ChangeReason::parse("  template corrected ").unwrap();
        assert_eq!(reason.as_str(), "template corrected");
    }

    #[test]
    fn a_blank_reason_is_refused_at_the_reason_field() {
        for blank in ["", "   ", "\n\t"] {
            let refused = ChangeReason::parse(blank).unwrap_err();
            assert_eq!(refused.field, "reason", "{blank:?}");
        }
    }
}
