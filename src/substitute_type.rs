use serde::{Deserialize, Serialize};

use crate::DbEnum;

/// Notes on a substitute (a `TEXT` column): a page of text.
pub const NOTES_LIMIT: usize = 2_000;

/// How freely a substitute may replace its primary part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SubstituteType {
    /// Use it whenever the primary is short.
    Preferred,
    /// Use it when no preferred substitute is available.
    Acceptable,
    /// Only as a last resort, with approval.
    Emergency,
}

impl DbEnum for SubstituteType {
    const KIND: &'static str = "substitute type";
    const ALL: &'static [Self] = &[Self::Preferred, Self::Acceptable, Self::Emergency];

    fn as_db_str(self) -> &'static str {
        match self {
            Self::Preferred => "PREFERRED",
            Self::Acceptable => "ACCEPTABLE",
            Self::Emergency => "EMERGENCY",
        }
    }
}

impl SubstituteType {
    pub fn label(self) -> &'static str {
        match self {
            Self::Preferred => "Preferred",
            Self::Acceptable => "Acceptable",
            Self::Emergency => "Emergency only",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preferred_substitutes_sort_first() {
        let mut types = [SubstituteType::Emergency, SubstituteType::Preferred];
        types.sort();
        assert_eq!(types[0], SubstituteType::Preferred);
        assert_eq!(
            SubstituteType::parse("ACCEPTABLE"),
            Ok(SubstituteType::Acceptable)
        );
    }
}
