use serde::{Deserialize, Serialize};

use crate::DbEnum;

/// Whether the shop makes a part or buys it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MakeOrBuy {
    Make,
    Buy,
}

impl DbEnum for MakeOrBuy {
    const KIND: &'static str = "make-or-buy code";
    const ALL: &'static [Self] = &[Self::Make, Self::Buy];

    fn as_db_str(self) -> &'static str {
        match self {
            Self::Make => "M",
            Self::Buy => "B",
        }
    }
}

impl MakeOrBuy {
    pub fn label(self) -> &'static str {
        match self {
            Self::Make => "Made in-house",
            Self::Buy => "Bought in",
        }
    }
}
