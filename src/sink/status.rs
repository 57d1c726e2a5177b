crate::db_enum::db_enum! {
    /// Where one sink configuration stands. It can be edited until it is
    /// approved; an edit of a validated configuration makes it a draft again.
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum ConfigurationStatus: "configuration status" {
        Draft = "DRAFT" as "Draft",
        Validated = "VALIDATED" as "Validated",
        Approved = "APPROVED" as "Approved",
        InProduction = "IN_PRODUCTION" as "In production",
    }
}

impl ConfigurationStatus {
    pub fn editable(self) -> bool {
        matches!(self, Self::Draft | Self::Validated)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn approval_freezes_a_configuration() {
        assert!(ConfigurationStatus::Draft.editable());
        assert!(ConfigurationStatus::Validated.editable());
        assert!(!ConfigurationStatus::Approved.editable());
        assert!(!ConfigurationStatus::InProduction.editable());
    }
}
