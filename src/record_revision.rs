//! The production record's revisions: revision 1 is frozen when the order
//! ships; a later correction is a new revision, issued with a reason and a
//! signature, and only when the record now reads differently from the last
//! revision (the hash of its text says so), so the list of revisions is a
//! list of real changes.

use crate::FieldError;

/// The longest reason a revision keeps.
pub const MAX_REASON_CHARS: usize = 1000;

/// Why a corrected revision was issued: trimmed, not empty, not too long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectionReason(String);

impl CorrectionReason {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let reason = raw.trim();
        if reason.is_empty() {
            return Err(FieldError::new(
                "reason",
                "Say what was corrected and why, e.g. “defect D-0042 resolved after shipment”.",
            ));
        }
        if reason.chars().count() > MAX_REASON_CHARS {
            return Err(FieldError::new(
                "reason",
                format!("Keep the reason to {MAX_REASON_CHARS} characters."),
            ));
        }
        Ok(Self(reason.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The last revision stored: its number and the hash of its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LastRevision<'a> {
    pub revision: i32,
    pub content_hash: &'a str,
}

/// Why no corrected revision may be issued now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CorrectionRefused {
    /// The order has not shipped: the record is still the live one.
    NotFrozen,
    /// The record reads as the last revision does.
    Unchanged { revision: i32 },
}

impl std::fmt::Display for CorrectionRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotFrozen => f.write_str(
                "This record is not frozen yet: it is frozen when the order ships, and corrected after that.",
            ),
            Self::Unchanged { revision } => write!(
                f,
                "The record reads exactly as revision {revision} does: there is nothing to correct."
            ),
        }
    }
}

/// The number of the corrected revision the record's text (hashed to
/// `content_hash`) would be.
pub fn next_correction(
    last: Option<LastRevision<'_>>,
    content_hash: &str,
) -> Result<i32, CorrectionRefused> {
    let last = last.ok_or(CorrectionRefused::NotFrozen)?;
    if last.content_hash == content_hash {
        return Err(CorrectionRefused::Unchanged {
            revision: last.revision,
        });
    }
    Ok(last.revision + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn last(revision: i32, content_hash: &str) -> Option<LastRevision<'_>> {
        Some(LastRevision {
            revision,
            content_hash,
        })
    }

    #[test]
    fn a_record_never_frozen_cannot_be_corrected() {
        assert_eq!(
            next_correction(None, "aa"),
            Err(CorrectionRefused::NotFrozen)
        );
    }

    #[test]
    fn a_record_that_reads_as_its_last_revision_has_nothing_to_correct() {
        assert_eq!(
            next_correction(last(2, "aa"), "aa"),
            Err(CorrectionRefused::Unchanged { revision: 2 })
        );
    }

    #[test]
    fn a_changed_record_becomes_the_next_revision() {
        assert_eq!(next_correction(last(1, "aa"), "bb"), Ok(2));
        assert_eq!(next_correction(last(7, "aa"), "bb"), Ok(8));
    }

    #[test]
    fn a_reason_is_trimmed_and_must_say_something_within_its_length() {
        assert_eq!(
            CorrectionReason::parse("  defect resolved ")
                .unwrap()
                .as_str(),
            "defect resolved"
        );
        for blank in ["", "   ", "\n\t"] {
            assert_eq!(CorrectionReason::parse(blank).unwrap_err().field, "reason");
        }
        let longest = "x".repeat(MAX_REASON_CHARS);
        assert!(CorrectionReason::parse(&longest).is_ok());
        let refused = CorrectionReason::parse(&format!("{longest}x")).unwrap_err();
        assert!(refused.message.contains("1000 characters"), "{refused:?}");
    }
}
