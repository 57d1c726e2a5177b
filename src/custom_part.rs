//! The 700 series: numbers for parts made for one order (a pegboard of a
//! custom size, a special leg set), one series per kind, `710-0001` onwards.
//! The prefixes and counters live in `inventory.part_number_sequences`.

use serde::{Deserialize, Serialize};

use crate::DbEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CustomCategory {
    Pegboard,
    LegAssembly,
    BasinCustom,
    FaucetCustom,
    DrainCustom,
    AccessoryCustom,
    MiscCustom,
}

impl DbEnum for CustomCategory {
    const KIND: &'static str = "custom part category";
    const ALL: &'static [Self] = &[
        Self::Pegboard,
        Self::LegAssembly,
        Self::BasinCustom,
        Self::FaucetCustom,
        Self::DrainCustom,
        Self::AccessoryCustom,
        Self::MiscCustom,
    ];

    fn as_db_str(self) -> &'static str {
        match self {
            Self::Pegboard => "PEGBOARD",
            Self::LegAssembly => "LEG_ASSEMBLY",
            Self::BasinCustom => "BASIN_CUSTOM",
            Self::FaucetCustom => "FAUCET_CUSTOM",
            Self::DrainCustom => "DRAIN_CUSTOM",
            Self::AccessoryCustom => "ACCESSORY_CUSTOM",
            Self::MiscCustom => "MISC_CUSTOM",
        }
    }
}

impl CustomCategory {
    /// The series as buyers and engineers name it, prefix first.
    pub fn label(self) -> &'static str {
        match self {
            Self::Pegboard => "710 Pegboard",
            Self::LegAssembly => "720 Leg assembly",
            Self::BasinCustom => "730 Custom basin",
            Self::FaucetCustom => "740 Custom faucet",
            Self::DrainCustom => "750 Custom drain",
            Self::AccessoryCustom => "760 Custom accessory",
            Self::MiscCustom => "790 Miscellaneous custom",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_categories_are_refused() {
        assert!(CustomCategory::parse("SINK").is_err());
        assert_eq!(
            CustomCategory::parse("LEG_ASSEMBLY"),
            Ok(CustomCategory::LegAssembly)
        );
    }
}
