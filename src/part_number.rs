//! Part numbers as the shop writes them: `121-0001`, `710-0042`, `T2-BODY-48`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A part number that is safe to store, print on a traveller and type into
/// a search: 1 to 100 characters of letters, digits and `-` `.` `_` `/`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PartNumber(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PartNumberError {
    #[error("Enter a part number.")]
    Empty,
    #[error("A part number has at most 100 characters.")]
    TooLong,
    #[error("A part number may only contain letters, digits and - . _ /")]
    BadCharacter,
}

impl PartNumber {
    pub const MAX_LEN: usize = 100;

    /// Trims surrounding space and upper-cases letters, so `t2-body` and
    /// `T2-BODY ` name the same part.
    pub fn parse(text: &str) -> Result<Self, PartNumberError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(PartNumberError::Empty);
        }
        if text.chars().count() > Self::MAX_LEN {
            return Err(PartNumberError::TooLong);
        }
        if !text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '/'))
        {
            return Err(PartNumberError::BadCharacter);
        }
        Ok(Self(text.to_ascii_uppercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PartNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn shop_numbers_are_accepted_and_normalised() {
        assert_eq!(
            PartNumber::parse(" 710-0001 ").unwrap().as_str(),
            "710-0001"
        );
        assert_eq!(
            PartNumber::parse("t2-body/48").unwrap().as_str(),
            "T2-BODY/48"
        );
    }

    #[test]
    fn bad_numbers_say_why() {
        assert_eq!(PartNumber::parse("  "), Err(PartNumberError::Empty));
        assert_eq!(
            PartNumber::parse("121 0001"),
            Err(PartNumberError::BadCharacter)
        );
        assert_eq!(
            PartNumber::parse(&"9".repeat(101)),
            Err(PartNumberError::TooLong)
        );
    }

    proptest! {
        #[test]
        fn parsing_is_idempotent(text in "[a-zA-Z0-9./_-]{1,100}") {
            let once = PartNumber::parse(&text).unwrap();
            prop_assert_eq!(PartNumber::parse(once.as_str()).unwrap(), once);
        }
    }
}
