crate::db_enum::db_enum! {
    /// Whether an account may sign in. Only active accounts can.
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum UserStatus: "user status" {
        Active = "ACTIVE" as "Active",
        Inactive = "INACTIVE" as "Deactivated",
        Suspended = "SUSPENDED" as "Suspended",
    }
}
