//! The password policy (OWASP ASVS 5.0 level 2): long enough, long passphrases
//! allowed, and not one of the passwords attackers try first. No composition
//! rules: they push people to predictable patterns.

use serde::{Deserialize, Serialize};

pub const MIN_LENGTH: usize = 12;
/// ASVS asks that at least 64 characters be allowed.
pub const MAX_LENGTH: usize = 128;

/// Passwords of the allowed length that appear at the top of breach lists.
const COMMON: &[&str] = &[
    "123456789012",
    "1234567890123",
    "12345678910",
    "000000000000",
    "111111111111",
    "aaaaaaaaaaaa",
    "abcdefghijkl",
    "abc123456789",
    "password1234",
    "password12345",
    "password123!",
    "passwordpassword",
    "qwertyuiop12",
    "qwertyuiopasdfgh",
    "qwerty123456",
    "1q2w3e4r5t6y",
    "1qaz2wsx3edc",
    "iloveyou1234",
    "letmein12345",
    "welcome12345",
    "administrator",
    "admin1234567",
    "changeme1234",
    "trustno1trustno1",
    "football1234",
    "baseball1234",
    "sunshine1234",
    "princess1234",
    "dragon123456",
    "monkey123456",
    "torvan123456",
    "torvantorvan",
];

/// Why a new password is refused, worded for the person choosing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PasswordProblem {
    #[error("Use at least 12 characters.")]
    TooShort,
    #[error("Use at most 128 characters.")]
    TooLong,
    #[error("This password is too common. Choose one that is hard to guess.")]
    TooCommon,
    #[error("The password must not contain your email name.")]
    ContainsEmail,
}

/// Checks a new password against the policy; `email` is the account's own.
pub fn check_new_password(password: &str, email: &str) -> Result<(), PasswordProblem> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        return Err(PasswordProblem::TooShort);
    }
    if length > MAX_LENGTH {
        return Err(PasswordProblem::TooLong);
    }
    let folded = password.to_lowercase();
    if COMMON.contains(&folded.as_str()) || is_one_repeated_character(&folded) {
        return Err(PasswordProblem::TooCommon);
    }
    let local_part = email.split('@').next().unwrap_or_default().to_lowercase();
    if local_part.chars().count() >= 4 && folded.contains(&local_part) {
        return Err(PasswordProblem::ContainsEmail);
    }
    Ok(())
}

fn is_one_repeated_character(password: &str) -> bool {
    let mut chars = password.chars();
    chars
        .next()
        .is_some_and(|first| chars.all(|other| other == first))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const EMAIL: &str = "dana.whitfield@torvan.test";

    #[test]
    fn twelve_characters_is_the_minimum() {
        assert_eq!(
            check_new_password("short-pass1", EMAIL),
            Err(PasswordProblem::TooShort)
        );
        assert_eq!(check_new_password("steel-basin-7", EMAIL), Ok(()));
    }

    #[test]
    fn long_passphrases_are_allowed_up_to_128() {
        let sixty_four = "correct horse battery staple ".repeat(3);
        assert!(sixty_four.chars().count() >= 64);
        assert_eq!(check_new_password(&sixty_four, EMAIL), Ok(()));
        assert_eq!(
            check_new_password(&"x1".repeat(65), EMAIL),
            Err(PasswordProblem::TooLong)
        );
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert_eq!(check_new_password("ÉÉÉÉÉÉ-äöü-ß", EMAIL), Ok(()));
    }

    #[test]
    fn common_passwords_are_refused_whatever_the_case() {
        assert_eq!(
            check_new_password("Password1234", EMAIL),
            Err(PasswordProblem::TooCommon)
        );
        assert_eq!(
            check_new_password("zzzzzzzzzzzzzz", EMAIL),
            Err(PasswordProblem::TooCommon)
        );
    }

    #[test]
    fn the_email_name_is_refused() {
        assert_eq!(
            check_new_password("my-Dana.Whitfield-2026", EMAIL),
            Err(PasswordProblem::ContainsEmail)
        );
    }

    proptest! {
        #[test]
        fn accepted_passwords_meet_the_length_rule(password in ".{0,140}") {
            if check_new_password(&password, EMAIL).is_ok() {
                let length = password.chars().count();
                prop_assert!((MIN_LENGTH..=MAX_LENGTH).contains(&length));
            }
        }
    }
}
