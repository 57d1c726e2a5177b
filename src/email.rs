//! Email addresses: the one rule for every address the shop keeps, a
//! customer contact's or a user account's, so a form never accepts what
//! another refuses. An `Email` exists only once `parse` has accepted it.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An email address as the shop can use it: trimmed, lower-case domain,
/// one `@` between a local part and a dotted domain, no spaces.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("Enter an email address such as name@hospital.org.")]
pub struct NotAnEmail;

impl Email {
    pub fn parse(text: &str) -> Result<Self, NotAnEmail> {
        let text = text.trim();
        let (local, domain) = text.split_once('@').ok_or(NotAnEmail)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        let local_ok =
            !local.is_empty() && !local.contains(char::is_whitespace) && !local.contains('@');
        if !domain_ok || !local_ok || text.len() > 255 {
            return Err(NotAnEmail);
        }
        Ok(Self(format!("{local}@{}", domain.to_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn addresses_people_type_are_accepted() {
        assert_eq!(
            Email::parse(" A.Brooks@StMarys.ORG ").unwrap().as_str(),
            "A.Brooks@stmarys.org"
        );
        assert!(Email::parse("purchasing+sinks@lab-one.co.uk").is_ok());
    }

    #[test]
    fn malformed_addresses_are_refused() {
        for bad in [
            "",
            "no-at-sign",
            "a@b",
            "a@.org",
            "a b@c.org",
            "a@b..org",
            "@c.org",
            "a@@c.org",
        ] {
            assert_eq!(Email::parse(bad), Err(NotAnEmail), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn parsing_is_idempotent(local in "[a-z0-9._+-]{1,20}", domain in "[a-z0-9-]{1,10}\\.[a-z]{2,5}") {
            let email = Email::parse(&format!("{local}@{domain}")).unwrap();
            prop_assert_eq!(Email::parse(email.as_str()).unwrap(), email);
        }
    }
}
