use serde::{Deserialize, Serialize};

use crate::DbEnum;

/// How urgently an order must go through the shop, most urgent last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum OrderPriority {
    Standard,
    Rush,
    Emergency,
}

impl DbEnum for OrderPriority {
    const KIND: &'static str = "order priority";
    const ALL: &'static [Self] = &[Self::Standard, Self::Rush, Self::Emergency];

    fn as_db_str(self) -> &'static str {
        match self {
            Self::Standard => "STANDARD",
            Self::Rush => "RUSH",
            Self::Emergency => "EMERGENCY",
        }
    }
}

impl OrderPriority {
    pub fn label(self) -> &'static str {
        match self {
            Self::Standard => "Standard",
            Self::Rush => "Rush",
            Self::Emergency => "Emergency",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DbEnum;

    #[test]
    fn database_values_round_trip() {
        for &priority in OrderPriority::ALL {
            assert_eq!(OrderPriority::parse(priority.as_db_str()), Ok(priority));
        }
    }

    #[test]
    fn lower_case_is_not_a_database_value() {
        assert!(OrderPriority::parse("rush").is_err());
    }
}
