//! What a pending order's own work is made of, and when it may change.
//! Production and sample orders build sinks to a configuration; service and
//! warranty orders carry line items. Either changes only while the order is
//! pending, because the move into production reads them.

use crate::order_draft::OrderType;
use crate::{FieldError, OrderStatus};

/// The kind of work a change touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    Sinks,
    LineItems,
}

impl Work {
    /// The work an order of `order_type` has.
    pub fn of(order_type: OrderType) -> Self {
        if order_type.builds_sinks() {
            Self::Sinks
        } else {
            Self::LineItems
        }
    }

    /// Refuses a change to this work on an order of `order_type` in
    /// `status`, said at the field of the form that asks.
    pub fn check_open(self, order_type: OrderType, status: OrderStatus) -> Result<(), FieldError> {
        let (wrong_kind, not_pending) = match self {
            Self::Sinks => (
                FieldError::new(
                    "family",
                    "Service and warranty orders have line items, not sinks.",
                ),
                FieldError::new(
                    "status",
                    "Sinks can change only while the order is pending.",
                ),
            ),
            Self::LineItems => (
                FieldError::new(
                    "part_number",
                    "Line items belong to service and warranty orders; production orders have sinks.",
                ),
                FieldError::new(
                    "part_number",
                    "Line items change only while the order is pending.",
                ),
            ),
        };
        if Self::of(order_type) != self {
            return Err(wrong_kind);
        }
        if status != OrderStatus::Pending {
            return Err(not_pending);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DbEnum;

    #[test]
    fn production_and_sample_orders_have_sinks_and_the_others_line_items() {
        assert_eq!(Work::of(OrderType::Production), Work::Sinks);
        assert_eq!(Work::of(OrderType::Sample), Work::Sinks);
        assert_eq!(Work::of(OrderType::Service), Work::LineItems);
        assert_eq!(Work::of(OrderType::Warranty), Work::LineItems);
    }

    #[test]
    fn work_changes_only_while_the_order_is_pending() {
        for &status in OrderStatus::ALL {
            let open = Work::Sinks.check_open(OrderType::Production, status);
            assert_eq!(open.is_ok(), status == OrderStatus::Pending, "{status:?}");
        }
        let refused = Work::LineItems
            .check_open(OrderType::Service, OrderStatus::InProduction)
            .unwrap_err();
        assert_eq!(refused.field, "part_number");
    }

    #[test]
    fn sinks_on_a_service_order_are_refused_at_the_family() {
        let refused = Work::Sinks
            .check_open(OrderType::Service, OrderStatus::Pending)
            .unwrap_err();
        assert_eq!(refused.field, "family");
        assert!(refused.message.contains("line items, not sinks"));
    }

    #[test]
    fn line_items_on_a_production_order_are_refused_at_the_part() {
        let refused = Work::LineItems
            .check_open(OrderType::Production, OrderStatus::Pending)
            .unwrap_err();
        assert_eq!(refused.field, "part_number");
        assert!(refused.message.contains("production orders have sinks"));
    }
}
