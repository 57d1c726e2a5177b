//! The option codes the rules reason about. Their prices and labels are data;
//! what they mean for the build is here.

use serde::{Deserialize, Serialize};

use crate::DbEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Mounting {
    Freestanding,
    WallHung,
    Island,
}

impl DbEnum for Mounting {
    const KIND: &'static str = "mounting";
    const ALL: &'static [Self] = &[Self::Freestanding, Self::WallHung, Self::Island];

    fn as_db_str(self) -> &'static str {
        match self {
            Self::Freestanding => "FREESTANDING",
            Self::WallHung => "WALL_HUNG",
            Self::Island => "ISLAND",
        }
    }
}

/// A standard pegboard's height, in inches; its width is the body's.
pub const STANDARD_PEGBOARD_HEIGHT: u32 = 36;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PegboardKind {
    None,
    Standard,
    Custom,
}

impl DbEnum for PegboardKind {
    const KIND: &'static str = "pegboard";
    const ALL: &'static [Self] = &[Self::None, Self::Standard, Self::Custom];

    fn as_db_str(self) -> &'static str {
        match self {
            Self::None => "NONE",
            Self::Standard => "STANDARD",
            Self::Custom => "CUSTOM",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum LegKind {
    Fixed,
    Casters,
    Crank,
    Electric,
    WallBrackets,
}

impl DbEnum for LegKind {
    const KIND: &'static str = "leg type";
    const ALL: &'static [Self] = &[
        Self::Fixed,
        Self::Casters,
        Self::Crank,
        Self::Electric,
        Self::WallBrackets,
    ];

    fn as_db_str(self) -> &'static str {
        match self {
            Self::Fixed => "FIXED",
            Self::Casters => "CASTERS",
            Self::Crank => "CRANK",
            Self::Electric => "ELECTRIC",
            Self::WallBrackets => "WALL_BRACKETS",
        }
    }
}

impl LegKind {
    /// Height-adjustable supports have a travel range; the others one
    /// working height.
    pub fn adjustable(self) -> bool {
        matches!(self, Self::Crank | Self::Electric)
    }
}
