use serde::{Deserialize, Serialize};

use crate::DbEnum;

/// Where a catalogue item is in its life: only ACTIVE items are stocked,
/// configured and reordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PartStatus {
    Active,
    PendingApproval,
    Discontinued,
    Obsolete,
}

impl DbEnum for PartStatus {
    const KIND: &'static str = "part status";
    const ALL: &'static [Self] = &[
        Self::Active,
        Self::PendingApproval,
        Self::Discontinued,
        Self::Obsolete,
    ];

    fn as_db_str(self) -> &'static str {
        match self {
            Self::Active => "ACTIVE",
            Self::PendingApproval => "PENDING_APPROVAL",
            Self::Discontinued => "DISCONTINUED",
            Self::Obsolete => "OBSOLETE",
        }
    }
}

impl PartStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Active => "Active",
            Self::PendingApproval => "Pending approval",
            Self::Discontinued => "Discontinued",
            Self::Obsolete => "Obsolete",
        }
    }

    /// Only an obsolete item points users at the item that replaces it.
    pub fn allows_replacement(self) -> bool {
        self == Self::Obsolete
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_values_round_trip() {
        for &status in PartStatus::ALL {
            assert_eq!(PartStatus::parse(status.as_db_str()), Ok(status));
        }
        assert!(PartStatus::parse("RETIRED").is_err());
    }
}
