//! The option codes the rules reason about. Their prices and labels are data;
//! what they mean for the build is here.

crate::db_enum::db_enum! {
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum Mounting: "mounting" {
        Freestanding = "FREESTANDING",
        WallHung = "WALL_HUNG",
        Island = "ISLAND",
    }
}

/// A standard pegboard's height, in inches; its width is the body's.
pub const STANDARD_PEGBOARD_HEIGHT: u32 = 36;

crate::db_enum::db_enum! {
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum PegboardKind: "pegboard" {
        None = "NONE",
        Standard = "STANDARD",
        Custom = "CUSTOM",
    }
}

crate::db_enum::db_enum! {
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum LegKind: "leg type" {
        Fixed = "FIXED",
        Casters = "CASTERS",
        Crank = "CRANK",
        Electric = "ELECTRIC",
        WallBrackets = "WALL_BRACKETS",
    }
}

impl LegKind {
    /// Height-adjustable supports have a travel range; the others one
    /// working height.
    pub fn adjustable(self) -> bool {
        matches!(self, Self::Crank | Self::Electric)
    }
}
