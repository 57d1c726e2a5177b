//! The numbers an order and each build of it carry: `ORD-2026-0102` and
//! `TB-2026-0102-01`. The database assigns them (a locked counter per
//! year); these types are how the rest of the code holds them, so an order
//! number is never passed where a build number belongs, and a build's
//! number is derived from its order's in one place.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Longest number either kind may have: the columns are `VARCHAR(50)`.
const MAX_LEN: usize = 50;

/// A number that came from a URL or a form and names no order or build
/// that could exist; callers answer it as "not found".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an order or build number")]
pub struct MalformedNumber(pub String);

/// Trims, upper-cases and checks the characters (letters, digits, `-`).
fn normalised(text: &str) -> Result<String, MalformedNumber> {
    let text = text.trim();
    let fits = !text.is_empty()
        && text.len() <= MAX_LEN
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if fits {
        Ok(text.to_ascii_uppercase())
    } else {
        Err(MalformedNumber(text.to_owned()))
    }
}

/// An order's number, as the database assigned it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OrderNumber(String);

impl OrderNumber {
    pub fn parse(text: &str) -> Result<Self, MalformedNumber> {
        normalised(text).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What the order's build numbers share: `ORD-2026-0102` → `2026-0102`,
    /// its builds being `TB-2026-0102-01`, `TB-2026-0102-02`, ….
    pub fn build_stem(&self) -> &str {
        self.0.strip_prefix("ORD-").unwrap_or(&self.0)
    }
}

/// A build's number: one sink configuration of an order, built as a unit.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BuildNumber(String);

impl BuildNumber {
    pub fn parse(text: &str) -> Result<Self, MalformedNumber> {
        normalised(text).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OrderNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for BuildNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(text: &str) -> OrderNumber {
        OrderNumber::parse(text).unwrap()
    }

    #[test]
    fn an_order_number_from_a_url_is_trimmed_and_upper_cased() {
        assert_eq!(order(" ord-2026-0102 ").as_str(), "ORD-2026-0102");
    }

    #[test]
    fn numbers_with_other_characters_or_none_are_refused() {
        for bad in [
            "",
            "  ",
            "ORD/2026",
            "ORD 2026",
            "ORD-2026-0102'--",
            &"9".repeat(51),
        ] {
            assert!(OrderNumber::parse(bad).is_err(), "{bad:?}");
            assert!(BuildNumber::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn an_orders_builds_share_its_number_without_the_prefix() {
        assert_eq!(order("ORD-2026-0102").build_stem(), "2026-0102");
        assert_eq!(order("X-1").build_stem(), "X-1");
    }

    #[test]
    fn numbers_cross_the_wire_as_plain_strings() {
        let json = serde_json::to_string(&order("ORD-2026-0102")).unwrap();
        assert_eq!(json, "\"ORD-2026-0102\"");
        let build: BuildNumber = serde_json::from_str("\"TB-2026-0102-01\"").unwrap();
        assert_eq!(build.as_str(), "TB-2026-0102-01");
    }
}
