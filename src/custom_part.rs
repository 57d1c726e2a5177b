//! The 700 series: numbers for parts made for one order (a pegboard of a
//! custom size, a special leg set), one prefix per kind, `710-0001` onwards.

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
    pub fn prefix(self) -> &'static str {
        match self {
            Self::Pegboard => "710",
            Self::LegAssembly => "720",
            Self::BasinCustom => "730",
            Self::FaucetCustom => "740",
            Self::DrainCustom => "750",
            Self::AccessoryCustom => "760",
            Self::MiscCustom => "790",
        }
    }

    /// The `n`th number of the series: `710-0001` for the first pegboard.
    pub fn part_number(self, n: u32) -> String {
        format!("{}-{n:04}", self.prefix())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_prefix_and_four_digits() {
        assert_eq!(CustomCategory::Pegboard.part_number(1), "710-0001");
        assert_eq!(CustomCategory::MiscCustom.part_number(42), "790-0042");
    }

    #[test]
    fn each_category_has_its_own_prefix() {
        let mut prefixes: Vec<_> = CustomCategory::ALL.iter().map(|c| c.prefix()).collect();
        prefixes.dedup();
        assert_eq!(prefixes.len(), CustomCategory::ALL.len());
    }

    #[test]
    fn unknown_categories_are_refused() {
        assert!(CustomCategory::parse("SINK").is_err());
        assert_eq!(
            CustomCategory::parse("LEG_ASSEMBLY"),
            Ok(CustomCategory::LegAssembly)
        );
    }
}
