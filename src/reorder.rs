//! How much to order of a part that has fallen to its reorder point.

use serde::{Deserialize, Serialize};

/// A part's reorder parameters and the stock it has now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReorderParameters {
    pub available: i32,
    pub reorder_point: i32,
    pub reorder_quantity: i32,
    pub minimum_order_quantity: i32,
    pub order_multiple: i32,
}

impl ReorderParameters {
    /// Whether the part is due for ordering: at or below its reorder point.
    pub fn is_due(&self) -> bool {
        self.available <= self.reorder_point
    }

    /// The quantity to order, or `None` while the part is above its reorder
    /// point. The usual reorder quantity, more if that would still leave the
    /// part at or below the reorder point, at least the vendor's minimum, and
    /// rounded up to the vendor's order multiple.
    pub fn suggested_order(&self) -> Option<i32> {
        if !self.is_due() {
            return None;
        }
        let to_clear_reorder_point = self.reorder_point - self.available + 1;
        let wanted = self
            .reorder_quantity
            .max(to_clear_reorder_point)
            .max(self.minimum_order_quantity)
            .max(1);
        let multiple = self.order_multiple.max(1);
        Some((wanted + multiple - 1) / multiple * multiple)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn part(available: i32) -> ReorderParameters {
        ReorderParameters {
            available,
            reorder_point: 10,
            reorder_quantity: 25,
            minimum_order_quantity: 1,
            order_multiple: 1,
        }
    }

    #[test]
    fn nothing_is_suggested_above_the_reorder_point() {
        assert_eq!(part(11).suggested_order(), None);
        assert_eq!(part(10).suggested_order(), Some(25));
    }

    #[test]
    fn a_deep_shortfall_orders_enough_to_clear_the_reorder_point() {
        assert_eq!(part(-30).suggested_order(), Some(41));
    }

    #[test]
    fn the_vendor_minimum_and_multiple_are_respected() {
        let boxed = ReorderParameters {
            minimum_order_quantity: 30,
            order_multiple: 12,
            ..part(5)
        };
        assert_eq!(boxed.suggested_order(), Some(36));
    }

    #[test]
    fn zero_parameters_still_suggest_at_least_one() {
        let bare = ReorderParameters {
            available: 0,
            reorder_point: 0,
            reorder_quantity: 0,
            minimum_order_quantity: 0,
            order_multiple: 0,
        };
        assert_eq!(bare.suggested_order(), Some(1));
    }

    proptest! {
        #[test]
        fn suggestions_meet_every_rule(
            available in -100..100i32,
            reorder_point in 0..100i32,
            reorder_quantity in 0..200i32,
            minimum_order_quantity in 0..100i32,
            order_multiple in 1..50i32,
        ) {
            let params = ReorderParameters {
                available, reorder_point, reorder_quantity, minimum_order_quantity, order_multiple,
            };
            match params.suggested_order() {
                None => prop_assert!(available > reorder_point),
                Some(quantity) => {
                    prop_assert!(quantity >= reorder_quantity.max(minimum_order_quantity).max(1));
                    prop_assert_eq!(quantity % order_multiple, 0);
                    prop_assert!(available + quantity > reorder_point);
                    prop_assert!(quantity - order_multiple < reorder_quantity
                        .max(minimum_order_quantity)
                        .max(reorder_point - available + 1), "not rounded up further than needed");
                }
            }
        }
    }
}
