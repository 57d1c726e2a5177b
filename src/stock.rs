//! Stock movements and the rule every one of them keeps: nothing is allocated
//! that is not on hand, and on-hand never goes negative.

use serde::{Deserialize, Serialize};

use crate::number::whole_number;

/// The most one receipt or count moves: a typing slip, not a delivery.
pub const MAX_MOVED: i32 = 1_000_000;

/// A receipt's delivery note or PO: the ledger's `reference_id VARCHAR(100)`.
pub const RECEIPT_NOTE_LIMIT: usize = 100;
/// Why a count was adjusted (a `TEXT` column): a page of text.
pub const REASON_LIMIT: usize = 2_000;

/// What a ledger row was for, in words: the delivery note or PO a receipt
/// came with, or the bill of materials (named by its order, build and
/// version) stock was held or issued for. The ledger keeps the codes
/// `RECEIPT` and `BOM`; nobody reads those on a page.
pub fn reference_note(kind: &str, id: &str) -> String {
    match kind {
        "RECEIPT" => format!("Delivery note or PO {id}"),
        "BOM" => format!("Bill of materials {id}"),
        _ => id.to_owned(),
    }
}

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

    /// A quantity as typed into a form, with a message saying what is
    /// wrong with it otherwise.
    pub fn parse(raw: &str) -> Result<Self, String> {
        whole_number(raw, 1..=MAX_MOVED).map(Self)
    }

    pub fn get(self) -> i32 {
        self.0
    }
}

/// A count's correction as typed: more (`3`, `+3`) or fewer (`-2`).
pub fn parse_adjustment(raw: &str) -> Result<i32, String> {
    whole_number(raw, -MAX_MOVED..=MAX_MOVED)
}

/// Why a count was adjusted is kept on its ledger row: an adjustment
/// without a reason is refused, by the part page's form and by the stock
/// service alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("An adjustment needs a reason.")]
pub struct ReasonRequired;

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
    #[error("Only {on_hand} on hand: a count cannot take away {removed}.")]
    NegativeOnHand { on_hand: i32, removed: i32 },
    #[error("An adjustment must change the quantity.")]
    NoChange,
}

crate::db_enum::db_enum! {
    /// What kind of change a ledger row records, as the ledger stores it.
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum MovementKind: "stock movement type" {
        /// The quantity a part was entered with, written by the database
        /// as the part is stored (migration 39): no `Movement` makes it.
        Opening = "OPENING" as "Opening balance",
        Receive = "RECEIVE" as "Received",
        Adjust = "ADJUST" as "Count adjusted",
        Allocate = "ALLOCATE" as "Allocated",
        Release = "RELEASE" as "Allocation released",
        Issue = "ISSUE" as "Issued to a build",
        Return = "RETURN" as "Returned to stock",
    }
}

impl Movement {
    pub fn kind(self) -> MovementKind {
        match self {
            Self::Receive(_) => MovementKind::Receive,
            Self::Adjust(_) => MovementKind::Adjust,
            Self::Allocate(_) => MovementKind::Allocate,
            Self::Release(_) => MovementKind::Release,
            Self::Issue(_) => MovementKind::Issue,
            Self::Return(_) => MovementKind::Return,
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
            Self::Adjust(delta) if after.on_hand < 0 => Err(StockProblem::NegativeOnHand {
                on_hand: level.on_hand,
                removed: -delta,
            }),
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

    #[test]
    fn a_movement_says_what_it_was_for_in_words() {
        assert_eq!(
            reference_note("RECEIPT", "PO-4711"),
            "Delivery note or PO PO-4711"
        );
        assert_eq!(
            reference_note("BOM", "SO-2026-0001 · B-1 v2"),
            "Bill of materials SO-2026-0001 · B-1 v2"
        );
    }
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
    fn typed_quantities_say_what_is_wrong() {
        assert_eq!(Quantity::parse(" 12 ").map(Quantity::get), Ok(12));
        assert_eq!(
            Quantity::parse("1e20"),
            Err("At most 1,000,000.".to_owned())
        );
        assert_eq!(
            Quantity::parse("0"),
            Err("Enter a number greater than zero.".to_owned())
        );
        assert_eq!(parse_adjustment("-5"), Ok(-5));
        assert_eq!(parse_adjustment("+3"), Ok(3));
    }

    #[test]
    fn a_count_cannot_take_away_more_than_is_on_hand() {
        let empty = StockLevel {
            on_hand: 3,
            allocated: 0,
        };
        let problem = Movement::Adjust(-5).apply(empty).unwrap_err();
        assert_eq!(
            problem,
            StockProblem::NegativeOnHand {
                on_hand: 3,
                removed: 5
            }
        );
        assert_eq!(
            problem.to_string(),
            "Only 3 on hand: a count cannot take away 5."
        );
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

    #[test]
    fn a_movement_knows_its_kind() {
        assert_eq!(Movement::Issue(q(2)).kind().label(), "Issued to a build");
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
