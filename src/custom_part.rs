//! The 700 series: numbers for parts made for one order (a pegboard of a
//! custom size, a special leg set), one series per kind, `710-0001` onwards.
//! The prefixes and counters live in `inventory.part_number_sequences`.

crate::db_enum::db_enum! {
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum CustomCategory: "custom part category" {
        Pegboard = "PEGBOARD" as "710 Pegboard",
        LegAssembly = "LEG_ASSEMBLY" as "720 Leg assembly",
        BasinCustom = "BASIN_CUSTOM" as "730 Custom basin",
        FaucetCustom = "FAUCET_CUSTOM" as "740 Custom faucet",
        DrainCustom = "DRAIN_CUSTOM" as "750 Custom drain",
        AccessoryCustom = "ACCESSORY_CUSTOM" as "760 Custom accessory",
        MiscCustom = "MISC_CUSTOM" as "790 Miscellaneous custom",
    }
}
