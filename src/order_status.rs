crate::db_enum::db_enum! {
    /// Where an order stands in its lifecycle; the variants are in lifecycle order.
    #[derive(PartialOrd, Ord)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum OrderStatus: "order status" {
        Pending = "PENDING" as "Pending",
        InProduction = "IN_PRODUCTION" as "In production",
        PreQc = "PRE_QC" as "Pre-QC",
        ProductionComplete = "PRODUCTION_COMPLETE" as "Production complete",
        FinalQc = "FINAL_QC" as "Final QC",
        QcComplete = "QC_COMPLETE" as "QC complete",
        Shipped = "SHIPPED" as "Shipped",
        Delivered = "DELIVERED" as "Delivered",
    }
}

impl OrderStatus {
    /// The coarser stage shown to customers and managers; the same text as the
    /// `status_display` column of `orders.order_summary`.
    pub fn stage(self) -> &'static str {
        match self {
            Self::Pending => "Awaiting Production",
            Self::InProduction => "In Progress",
            Self::PreQc | Self::FinalQc => "Quality Control",
            Self::ProductionComplete => "Production Complete",
            Self::QcComplete => "Ready to Ship",
            Self::Shipped => "Shipped",
            Self::Delivered => "Delivered",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DbEnum;
    use proptest::prelude::*;

    #[test]
    fn all_lists_every_status_once_in_lifecycle_order() {
        let mut sorted = OrderStatus::ALL.to_vec();
        sorted.sort();
        assert_eq!(sorted, OrderStatus::ALL);
        assert_eq!(OrderStatus::ALL.first(), Some(&OrderStatus::Pending));
        assert_eq!(OrderStatus::ALL.last(), Some(&OrderStatus::Delivered));
    }

    #[test]
    fn database_values_round_trip() {
        for &status in OrderStatus::ALL {
            assert_eq!(OrderStatus::parse(status.as_db_str()), Ok(status));
        }
    }

    #[test]
    fn unknown_value_is_named_in_the_error() {
        let error = OrderStatus::parse("LOST").unwrap_err();
        assert_eq!(error.to_string(), "unknown order status `LOST`");
    }

    #[test]
    fn both_qc_phases_share_the_quality_control_stage() {
        assert_eq!(OrderStatus::PreQc.stage(), "Quality Control");
        assert_eq!(OrderStatus::FinalQc.stage(), "Quality Control");
        assert_eq!(
            OrderStatus::ProductionComplete.stage(),
            "Production Complete"
        );
    }

    #[test]
    fn serde_uses_the_database_spelling() {
        let json = serde_json::to_string(&OrderStatus::QcComplete).unwrap();
        assert_eq!(json, "\"QC_COMPLETE\"");
    }

    proptest! {
        #[test]
        fn parse_accepts_only_database_values(value in "[A-Z_]{0,20}") {
            let known = OrderStatus::ALL.iter().any(|s| s.as_db_str() == value);
            prop_assert_eq!(OrderStatus::parse(&value).is_ok(), known);
        }
    }
}
