//! The password policy (OWASP ASVS 5.0 level 2): long enough, long passphrases
//! allowed, and not one of the passwords attackers try first. No composition
//! rules: they push people to predictable patterns.
//!
//! "Tried first" is zxcvbn's estimate: it matches a password against its
//! lists of the 30,000 most common passwords, common words and names, and
//! against keyboard walks, sequences, repeats and dates, and counts the
//! guesses an attacker ordering candidates that way would need. Fewer than
//! `MIN_SCORE` is too common. The check is run by the server only, so its
//! dictionaries stay out of the browser's bundle (the crate builds for
//! wasm32 too, should a page want it).

use serde::{Deserialize, Serialize};

pub const MIN_LENGTH: usize = 12;
/// ASVS asks that at least 64 characters be allowed.
pub const MAX_LENGTH: usize = 128;
/// zxcvbn's "safely unguessable" score: at least 10^8 guesses, beyond an
/// online attack and a slow-hash offline one of a single account.
const MIN_SCORE: zxcvbn::Score = zxcvbn::Score::Three;

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
    let local_part = email.split('@').next().unwrap_or_default().to_lowercase();
    if local_part.chars().count() >= 4 && folded.contains(&local_part) {
        return Err(PasswordProblem::ContainsEmail);
    }
    if zxcvbn::zxcvbn(password, &[&local_part]).score() < MIN_SCORE {
        return Err(PasswordProblem::TooCommon);
    }
    Ok(())
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
    fn passwords_of_breach_lists_and_their_usual_disguises_are_refused() {
        for password in [
            "superman1234",
            "Michael123456",
            "qwerty123qwerty",
            "P@ssw0rd2024!",
            "ilovemymother",
        ] {
            assert_eq!(
                check_new_password(password, EMAIL),
                Err(PasswordProblem::TooCommon),
                "{password}"
            );
        }
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
