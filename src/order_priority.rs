crate::db_enum::db_enum! {
    /// How urgently an order must go through the shop, most urgent last.
    #[derive(PartialOrd, Ord)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum OrderPriority: "order priority" {
        Standard = "STANDARD" as "Standard",
        Rush = "RUSH" as "Rush",
        Emergency = "EMERGENCY" as "Emergency",
    }
}
