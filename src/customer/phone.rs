//! A telephone number as people write them: digits with the usual
//! separators, an international `+` in front and an extension after `x` or
//! `ext`. Letters and other text are refused, so the number can be dialled.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Digits from 7 to 15 (the international maximum), kept as typed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Phone(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("Enter a phone number of 7 to 15 digits, such as +1 312-555-0142 or (312) 555-0142 x204.")]
pub struct NotAPhone;

impl Phone {
    pub fn parse(text: &str) -> Result<Self, NotAPhone> {
        let text = text.trim();
        let lower = text.to_ascii_lowercase();
        let (number, extension) = match lower.find(['x', 'e']) {
            Some(at) => {
                let rest = lower[at..]
                    .trim_start_matches("ext.")
                    .trim_start_matches("ext")
                    .trim_start_matches('x')
                    .trim();
                (&lower[..at], Some(rest))
            }
            None => (lower.as_str(), None),
        };
        let body = number.strip_prefix('+').unwrap_or(number);
        let separators_only = body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'));
        let digits = body.chars().filter(char::is_ascii_digit).count();
        let extension_ok = extension.is_none_or(|ext| {
            (1..=6).contains(&ext.len()) && ext.chars().all(|c| c.is_ascii_digit())
        });
        if !separators_only || !(7..=15).contains(&digits) || !extension_ok {
            return Err(NotAPhone);
        }
        Ok(Self(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_people_write_them_are_accepted() {
        for text in [
            "+1 312-555-0142",
            "(312) 555-0142",
            "312.555.0142 x204",
            "+44 20 7946 0958 ext. 12",
            "5550142",
        ] {
            assert_eq!(Phone::parse(text).map(|p| p.to_string()), Ok(text.into()));
        }
    }

    #[test]
    fn text_that_cannot_be_dialled_is_refused() {
        for text in [
            "abc",
            "555",
            "call reception",
            "+1 312 555 0142 x",
            "12345678901234567",
        ] {
            assert_eq!(Phone::parse(text), Err(NotAPhone), "{text}");
        }
    }
}
