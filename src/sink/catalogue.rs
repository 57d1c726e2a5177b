use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

crate::db_enum::db_enum! {
    /// Which choice of the wizard an option answers.
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum OptionGroup: "option group" {
        Material = "MATERIAL",
        Finish = "FINISH",
        Mounting = "MOUNTING",
        DrainPosition = "DRAIN_POSITION",
        Pegboard = "PEGBOARD",
        Legs = "LEGS",
        Faucet = "FAUCET",
        Drain = "DRAIN",
        Accessory = "ACCESSORY",
    }
}

/// An inclusive range of inches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub min: Decimal,
    pub max: Decimal,
}

impl Span {
    pub fn contains(self, value: Decimal) -> bool {
        self.min <= value && value <= self.max
    }
}

/// What a family's welded body and basins can be built to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    pub width: Span,
    pub depth: Span,
    pub height: Span,
    pub basin_width: Span,
    pub basin_length: Span,
    pub basin_depth: Span,
    pub max_basins: usize,
}

/// One priced choice, with the catalogue part it brings when it has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SinkOption {
    pub group: OptionGroup,
    pub code: String,
    pub label: String,
    pub price: Decimal,
    pub part_number: Option<String>,
    pub is_default: bool,
}

/// A sink family as the wizard offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyOptions {
    pub code: String,
    pub name: String,
    pub base_price: Decimal,
    pub base_width: Decimal,
    pub base_depth: Decimal,
    pub base_height: Decimal,
    /// Charged for each inch of body width beyond the base width.
    pub price_per_extra_inch: Decimal,
    /// Charged for each basin beyond the first.
    pub extra_basin_price: Decimal,
    pub limits: Limits,
    pub options: Vec<SinkOption>,
}

impl FamilyOptions {
    pub fn in_group(&self, group: OptionGroup) -> impl Iterator<Item = &SinkOption> {
        self.options
            .iter()
            .filter(move |option| option.group == group)
    }

    pub fn find(&self, group: OptionGroup, code: &str) -> Option<&SinkOption> {
        self.in_group(group).find(|option| option.code == code)
    }

    /// The option marked default, else the first of the group.
    pub fn default_code(&self, group: OptionGroup) -> String {
        self.in_group(group)
            .find(|option| option.is_default)
            .or_else(|| self.in_group(group).next())
            .map(|option| option.code.clone())
            .unwrap_or_default()
    }
}
