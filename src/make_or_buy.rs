crate::db_enum::db_enum! {
    /// Whether the shop makes a part or buys it in.
    pub enum MakeOrBuy: "make-or-buy code" {
        Make = "M" as "Made in-house",
        Buy = "B" as "Bought in",
    }
}
