use serde::{Deserialize, Serialize};

use crate::DbEnum;

/// Where one sink configuration stands. It can be edited until it is
/// approved; an edit of a validated configuration makes it a draft again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ConfigurationStatus {
    Draft,
    Validated,
    Approved,
    InProduction,
}

impl DbEnum for ConfigurationStatus {
    const KIND: &'static str = "configuration status";
    const ALL: &'static [Self] = &[
        Self::Draft,
        Self::Validated,
        Self::Approved,
        Self::InProduction,
    ];

    fn as_db_str(self) -> &'static str {
        match self {
            Self::Draft => "DRAFT",
            Self::Validated => "VALIDATED",
            Self::Approved => "APPROVED",
            Self::InProduction => "IN_PRODUCTION",
        }
    }
}

impl ConfigurationStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "Draft",
            Self::Validated => "Validated",
            Self::Approved => "Approved",
            Self::InProduction => "In production",
        }
    }

    pub fn editable(self) -> bool {
        matches!(self, Self::Draft | Self::Validated)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn approval_freezes_a_configuration() {
        assert!(ConfigurationStatus::Draft.editable());
        assert!(ConfigurationStatus::Validated.editable());
        assert!(!ConfigurationStatus::Approved.editable());
        assert!(!ConfigurationStatus::InProduction.editable());
    }
}
