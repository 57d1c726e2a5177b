//! A company's web address: what the order desk types (`mercy.org`,
//! `https://www.mercy.org/labs`) made into a link that opens. Anything
//! else (spaces, markup, another scheme) is refused, so a stored website
//! is always safe to show as a link.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An `http` or `https` address with a dotted host name; written with its
/// scheme (`https://` when none was typed).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Website(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("Enter a web address such as www.mercy-clinic.org.")]
pub struct NotAWebsite;

impl Website {
    pub fn parse(text: &str) -> Result<Self, NotAWebsite> {
        let text = text.trim();
        let lower = text.to_ascii_lowercase();
        let (scheme, rest) = if lower.starts_with("https://") {
            ("https://", &text[8..])
        } else if lower.starts_with("http://") {
            ("http://", &text[7..])
        } else {
            ("https://", text)
        };
        let (host, path) = rest
            .find(['/', '?', '#'])
            .map_or((rest, ""), |at| rest.split_at(at));
        let host_ok = host.contains('.')
            && host.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            })
            && host
                .rsplit('.')
                .next()
                .is_some_and(|top| top.chars().all(char::is_alphabetic));
        let path_ok = path
            .chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '<' | '>' | '"' | '\'' | '`' | '\\'));
        if !host_ok || !path_ok {
            return Err(NotAWebsite);
        }
        Ok(Self(format!("{scheme}{}{path}", host.to_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Website {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_as_people_type_them_become_links() {
        let parsed = |text: &str| Website::parse(text).map(|site| site.to_string());
        assert_eq!(parsed("mercy.org"), Ok("https://mercy.org".into()));
        assert_eq!(
            parsed(" HTTP://WWW.Mercy.org/labs?x=1 "),
            Ok("http://www.mercy.org/labs?x=1".into())
        );
        assert_eq!(
            parsed("https://st-anne-clinic.co.uk"),
            Ok("https://st-anne-clinic.co.uk".into())
        );
    }

    #[test]
    fn text_that_is_no_web_address_is_refused() {
        for text in [
            "not a url <b>x</b>",
            "mercy",
            "javascript:alert(1)",
            "ftp://files.mercy.org",
            "https://mercy.org/<script>",
            "https://-mercy.org",
            "mercy..org",
            "192.168.0.1",
        ] {
            assert_eq!(Website::parse(text), Err(NotAWebsite), "{text}");
        }
    }
}
