//! Stock movements and the rule every one of them keeps: nothing is allocated
//! that is not on hand, and on-hand never goes negative.

use serde::{Deserialize, Serialize};

/// A count of parts moved: whole units, more than zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Quantity(i32);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("Enter a whole number greater than zero.")]
pub struct NotAQuantity;

impl Quantity {
    pub fn new(value: i32) -> Result<Self, NotAQuantity> {
        (value > 0).then_some(Self(value)).ok_or(NotAQuantity)
    }

    pub fn get(self) -> i32 {
        self.0
    }
}

/// One change to a part's stock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Movement {
    /// Goods arrived.
    Receive(Quantity),
    /// A count found more (positive) or fewer (negative) than recorded.
    Adjust(i32),
    /// Reserved for an order; still on the shelf.
    Allocate(Quantity),
    /// A reservation given back.
    Release(Quantity),
    /// Allocated parts taken from the shelf to the bench.
    Issue(Quantity),
    /// Issued parts brought back to the shelf.
    Return(Quantity),
}

/// A part's stock counters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockLevel {
    pub on_hand: i32,
    pub allocated: i32,
}

/// Why a movement cannot be made, worded for the person making it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum StockProblem {
    #[error("Only {available} available; {requested} requested.")]
    NotEnoughAvailable { available: i32, requested: i32 },
    #[error("Only {allocated} allocated; cannot release or issue {requested}.")]
    NotEnoughAllocated { allocated: i32, requested: i32 },
    #[error(
        "On hand would be {on_hand}, below the {allocated} allocated: release allocations first."
    )]
    BelowAllocated { on_hand: i32, allocated: i32 },
    #[error("An adjustment must change the quantity.")]
    NoChange,
}

impl Movement {
    pub fn db_type(self) -> &'static str {
        match self {
            Self::Receive(_) => "RECEIVE",
            Self::Adjust(_) => "ADJUST",
            Self::Allocate(_) => "ALLOCATE",
            Self::Release(_) => "RELEASE",
            Self::Issue(_) => "ISSUE",
            Self::Return(_) => "RETURN",
        }
    }

    /// How the movement changes (on hand, allocated).
    pub fn changes(self) -> (i32, i32) {
        match self {
            Self::Receive(q) | Self::Return(q) => (q.get(), 0),
            Self::Adjust(delta) => (delta, 0),
            Self::Allocate(q) => (0, q.get()),
            Self::Release(q) => (0, -q.get()),
            Self::Issue(q) => (-q.get(), -q.get()),
        }
    }

    /// The level after this movement, or why it cannot happen.
    pub fn apply(self, level: StockLevel) -> Result<StockLevel, StockProblem> {
        let (on_hand_change, allocated_change) = self.changes();
        let after = StockLevel {
            on_hand: level.on_hand + on_hand_change,
            allocated: level.allocated + allocated_change,
        };
        match self {
            Self::Adjust(0) => Err(StockProblem::NoChange),
            Self::Allocate(q) if after.allocated > after.on_hand => {
                Err(StockProblem::NotEnoughAvailable {
                    available: level.on_hand - level.allocated,
                    requested: q.get(),
                })
            }
            Self::Release(q) | Self::Issue(q) if after.allocated < 0 => {
                Err(StockProblem::NotEnoughAllocated {
                    allocated: level.allocated,
                    requested: q.get(),
                })
            }
            _ if after.allocated > after.on_hand => Err(StockProblem::BelowAllocated {
                on_hand: after.on_hand,
                allocated: after.allocated,
            }),
            _ => Ok(after),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn q(value: i32) -> Quantity {
        Quantity::new(value).unwrap()
    }

    const LEVEL: StockLevel = StockLevel {
        on_hand: 10,
        allocated: 4,
    };

    #[test]
    fn quantities_are_positive() {
        assert_eq!(Quantity::new(3).map(Quantity::get), Ok(3));
        for bad in [0, -2] {
            assert_eq!(Quantity::new(bad), Err(NotAQuantity), "{bad}");
        }
    }

    #[test]
    fn allocation_takes_only_what_is_available() {
        assert_eq!(
            Movement::Allocate(q(6)).apply(LEVEL),
            Ok(StockLevel {
                on_hand: 10,
                allocated: 10
            })
        );
        assert_eq!(
            Movement::Allocate(q(7)).apply(LEVEL),
            Err(StockProblem::NotEnoughAvailable {
                available: 6,
                requested: 7
            })
        );
    }

    #[test]
    fn issuing_consumes_allocated_stock() {
        assert_eq!(
            Movement::Issue(q(4)).apply(LEVEL),
            Ok(StockLevel {
                on_hand: 6,
                allocated: 0
            })
        );
        assert_eq!(
            Movement::Issue(q(5)).apply(LEVEL),
            Err(StockProblem::NotEnoughAllocated {
                allocated: 4,
                requested: 5
            })
        );
    }

    #[test]
    fn a_count_cannot_drop_below_what_is_allocated() {
        assert_eq!(
            Movement::Adjust(-6).apply(LEVEL),
            Ok(StockLevel {
                on_hand: 4,
                allocated: 4
            })
        );
        assert_eq!(
            Movement::Adjust(-7).apply(LEVEL),
            Err(StockProblem::BelowAllocated {
                on_hand: 3,
                allocated: 4
            })
        );
        assert_eq!(
            Movement::Adjust(0).apply(LEVEL),
            Err(StockProblem::NoChange)
        );
    }

    fn movement() -> impl Strategy<Value = Movement> {
        let qty = (1..50i32).prop_map(q);
        prop_oneof![
            qty.clone().prop_map(Movement::Receive),
            (-50..50i32).prop_map(Movement::Adjust),
            qty.clone().prop_map(Movement::Allocate),
            qty.clone().prop_map(Movement::Release),
            qty.clone().prop_map(Movement::Issue),
            qty.prop_map(Movement::Return),
        ]
    }

    proptest! {
        #[test]
        fn no_sequence_of_movements_breaks_the_invariant(moves in prop::collection::vec(movement(), 0..60)) {
            let mut level = StockLevel { on_hand: 0, allocated: 0 };
            for movement in moves {
                if let Ok(after) = movement.apply(level) {
                    level = after;
                }
                prop_assert!(level.on_hand >= 0);
                prop_assert!((0..=level.on_hand).contains(&level.allocated));
            }
        }
    }
}
