crate::db_enum::db_enum! {
    /// Where a catalogue item is in its life: only ACTIVE items are stocked,
    /// configured and reordered.
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum PartStatus: "part status" {
        Active = "ACTIVE" as "Active",
        PendingApproval = "PENDING_APPROVAL" as "Pending approval",
        Discontinued = "DISCONTINUED" as "Discontinued",
        Obsolete = "OBSOLETE" as "Obsolete",
    }
}

impl PartStatus {
    /// Only an obsolete item points users at the item that replaces it.
    pub fn allows_replacement(self) -> bool {
        self == Self::Obsolete
    }
}
