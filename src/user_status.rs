use serde::{Deserialize, Serialize};

use crate::DbEnum;

/// Whether an account may sign in. Only active accounts can.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum UserStatus {
    Active,
    Inactive,
    Suspended,
}

impl DbEnum for UserStatus {
    const KIND: &'static str = "user status";
    const ALL: &'static [Self] = &[Self::Active, Self::Inactive, Self::Suspended];

    fn as_db_str(self) -> &'static str {
        match self {
            Self::Active => "ACTIVE",
            Self::Inactive => "INACTIVE",
            Self::Suspended => "SUSPENDED",
        }
    }
}

impl UserStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Active => "Active",
            Self::Inactive => "Deactivated",
            Self::Suspended => "Suspended",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_values_round_trip() {
        for &status in UserStatus::ALL {
            assert_eq!(UserStatus::parse(status.as_db_str()), Ok(status));
        }
    }
}
