//! A task's materials line and what may pass through it: parts issued from
//! the unit's bill of materials to the bench, consumed there, and the rest
//! returned to the shelf. A line keeps running totals (`issued`, `consumed`,
//! `returned`); the parts still at the bench are issued − consumed −
//! returned, and what the task still needs is its requirement less what it
//! kept (issued − returned), so a returned part may be issued again.
//!
//! Fractions meet whole units here: the stock ledger counts every part in
//! whole units of its unit of measure, so issues and returns are whole
//! units. A requirement of 2.5 (a counted part's share of a BOM split over
//! two units, or 2.5 ft of tubing) may be issued as 3: the need is rounded
//! up, never down, so the bench is never short. Consumption is what the
//! bench used: whole units of a counted part, up to four decimals of a
//! measured one (the column's scale); only whole units go back, and a
//! measured offcut below one unit stays on the line as issued, not consumed.
//!
//! Who may: the bench (`may_work_on`) issues, consumes and returns; a store
//! person (who may update inventory) issues and returns for any task but
//! records no consumption, which only the bench sees happen.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

use super::access::{Actor, TaskAccess, may_work_on};
use crate::permissions::{Action, Resource, permits};
use crate::stock::Quantity;
use crate::{FieldError, Role};

/// The field every refusal names: the quantity typed.
pub const QUANTITY: &str = "quantity";

/// The most decimals a consumption takes: `task_materials`' DECIMAL(10,4).
pub const CONSUMED_SCALE: u32 = 4;

/// What one does with a task's materials.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MaterialAction {
    /// From the BOM's hold (or the shelf) to the bench: an ISSUE movement.
    Issue,
    /// Used at the bench: no movement, the parts left the shelf on issue.
    Consume,
    /// From the bench back to the shelf: a RETURN movement.
    Return,
}

impl MaterialAction {
    pub const ALL: [Self; 3] = [Self::Issue, Self::Consume, Self::Return];

    /// Whether `role` may do this to some task: the bench's roles (who
    /// update tasks) all three; a store person's (who update inventory)
    /// issue and return.
    pub fn permitted(self, role: Role) -> bool {
        permits(role, Resource::Tasks, Action::Update)
            || (self != Self::Consume && permits(role, Resource::Inventory, Action::Update))
    }
}

/// Whether `actor` may do `action` to the materials of `task`: the bench
/// that works on it, or for an issue or return, a store person.
pub fn may_handle(actor: &Actor, task: &TaskAccess, action: MaterialAction) -> bool {
    may_work_on(actor, task)
        || (action != MaterialAction::Consume
            && permits(actor.role, Resource::Inventory, Action::Update))
}

/// One task line's totals, as `workflow.task_materials` holds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaterialLine {
    pub required: Decimal,
    pub issued: Decimal,
    pub consumed: Decimal,
    pub returned: Decimal,
    /// Counted in pieces (each, pair, set) rather than measured.
    pub counted: bool,
}

/// What the unit's bill of materials can give a task of one part now:
/// what it holds on the shelf, and how much more may still be taken from
/// the shelf's available stock for it (no more than the BOM still lacks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Supply {
    pub held: i32,
    pub obtainable: i32,
}

/// How an accepted issue moves stock: units already held for the BOM,
/// then units allocated to it from the shelf first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IssuePlan {
    pub from_hold: i32,
    pub top_up: i32,
}

impl IssuePlan {
    pub fn total(self) -> i32 {
        self.from_hold + self.top_up
    }
}

fn whole(value: Decimal) -> i32 {
    value.to_i32().unwrap_or(i32::MAX)
}

fn shown(value: Decimal) -> String {
    value.normalize().to_string()
}

fn refuse(message: String) -> FieldError {
    FieldError::new(QUANTITY, message)
}

impl MaterialLine {
    /// Requirement less what the task kept; never below zero.
    pub fn still_needed(&self) -> Decimal {
        (self.required - (self.issued - self.returned)).max(Decimal::ZERO)
    }

    /// The most one issue may take: the need in whole units, rounded up.
    pub fn issuable(&self) -> i32 {
        whole(self.still_needed().ceil())
    }

    /// Issued and neither consumed nor returned yet.
    pub fn at_bench(&self) -> Decimal {
        self.issued - self.consumed - self.returned
    }

    /// The most one return may bring back: whole units at the bench.
    pub fn returnable(&self) -> i32 {
        whole(self.at_bench().max(Decimal::ZERO).floor())
    }

    /// An issue of `quantity`: within the need and what the BOM can give,
    /// taken from its hold first.
    pub fn issue(&self, quantity: Quantity, supply: Supply) -> Result<IssuePlan, FieldError> {
        let requested = quantity.get();
        let issuable = self.issuable();
        if issuable == 0 {
            return Err(refuse(format!(
                "Nothing more to issue: the task needs {} and has {}.",
                shown(self.required),
                shown(self.issued - self.returned)
            )));
        }
        if requested > issuable {
            return Err(refuse(format!(
                "The task needs only {issuable} more; {requested} requested."
            )));
        }
        let from_hold = requested.min(supply.held.max(0));
        let top_up = requested - from_hold;
        if supply.held.max(0) + supply.obtainable.max(0) == 0 {
            return Err(refuse(
                "None of this part is left to issue from the unit's bill of materials: it was issued to the unit already, or none is on the shelf.".to_owned(),
            ));
        }
        if top_up > supply.obtainable.max(0) {
            return Err(refuse(format!(
                "Only {} can be issued now: {} held for the bill of materials and {} more on the shelf for it.",
                supply.held.max(0) + supply.obtainable.max(0),
                supply.held.max(0),
                supply.obtainable.max(0)
            )));
        }
        Ok(IssuePlan { from_hold, top_up })
    }

    /// A consumption of `quantity`: whole pieces of a counted part, within
    /// what is at the bench.
    pub fn consume(&self, quantity: Decimal) -> Result<(), FieldError> {
        if self.counted && !quantity.fract().is_zero() {
            return Err(refuse(
                "This part is counted in whole pieces: enter a whole number.".to_owned(),
            ));
        }
        if quantity > self.at_bench() {
            return Err(refuse(format!(
                "Only {} issued and not yet consumed or returned; {} entered.",
                shown(self.at_bench().max(Decimal::ZERO)),
                shown(quantity)
            )));
        }
        Ok(())
    }

    /// A return of `quantity`, within the whole units at the bench.
    pub fn give_back(&self, quantity: Quantity) -> Result<(), FieldError> {
        let returnable = self.returnable();
        if quantity.get() > returnable {
            return Err(refuse(format!(
                "Only {returnable} at the bench to return (issued {}, consumed {}, returned {}); {} entered.",
                shown(self.issued),
                shown(self.consumed),
                shown(self.returned),
                quantity.get()
            )));
        }
        Ok(())
    }
}

/// A consumption as typed: more than zero, at most four decimals (a
/// counted part's whole pieces are checked against its line).
pub fn parse_consumed(raw: &str) -> Result<Decimal, FieldError> {
    let value: Decimal = raw
        .trim()
        .parse()
        .map_err(|_| refuse("Enter a number, such as 2 or 1.5.".to_owned()))?;
    if value <= Decimal::ZERO {
        return Err(refuse("Enter a number greater than zero.".to_owned()));
    }
    if value.normalize().scale() > CONSUMED_SCALE {
        return Err(refuse(format!("Use at most {CONSUMED_SCALE} decimals.")));
    }
    Ok(value.normalize())
}

/// An issue or return as typed: whole units, more than zero.
pub fn parse_units(raw: &str) -> Result<Quantity, FieldError> {
    Quantity::parse(raw).map_err(refuse)
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;
    use crate::DbEnum;
    use crate::workflow::{TaskType, WorkCenterCode};

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn line(required: Decimal) -> MaterialLine {
        MaterialLine {
            required,
            issued: Decimal::ZERO,
            consumed: Decimal::ZERO,
            returned: Decimal::ZERO,
            counted: true,
        }
    }

    fn units(value: i32) -> Quantity {
        Quantity::new(value).unwrap()
    }

    const PLENTY: Supply = Supply {
        held: 10,
        obtainable: 10,
    };

    #[test]
    fn an_issue_takes_from_the_hold_first_then_tops_up_from_the_shelf() {
        let supply = Supply {
            held: 2,
            obtainable: 5,
        };
        assert_eq!(
            line(d("5")).issue(units(4), supply),
            Ok(IssuePlan {
                from_hold: 2,
                top_up: 2
            })
        );
        assert_eq!(line(d("5")).issue(units(2), supply).unwrap().top_up, 0);
    }

    #[test]
    fn a_fractional_need_is_issued_rounded_up_to_whole_units() {
        let half = line(d("2.5"));
        assert_eq!(half.issuable(), 3);
        assert_eq!(half.issue(units(3), PLENTY).unwrap().total(), 3);
        let refused = half.issue(units(4), PLENTY).unwrap_err();
        assert_eq!(refused.field, "quantity");
        assert_eq!(refused.message, "The task needs only 3 more; 4 requested.");
    }

    #[test]
    fn nothing_is_issued_past_the_need_and_a_return_reopens_it() {
        let full = MaterialLine {
            issued: d("5"),
            ..line(d("5"))
        };
        let refused = full.issue(units(1), PLENTY).unwrap_err();
        assert_eq!(
            refused.message,
            "Nothing more to issue: the task needs 5 and has 5."
        );
        let after_return = MaterialLine {
            returned: d("2"),
            ..full
        };
        assert_eq!(after_return.issuable(), 2);
    }

    #[test]
    fn an_issue_beyond_the_hold_and_the_shelf_is_refused_saying_both() {
        let supply = Supply {
            held: 1,
            obtainable: 1,
        };
        let refused = line(d("5")).issue(units(3), supply).unwrap_err();
        assert_eq!(
            refused.message,
            "Only 2 can be issued now: 1 held for the bill of materials and 1 more on the shelf for it."
        );
    }

    #[test]
    fn an_issue_from_a_bom_with_nothing_left_says_so() {
        let empty = Supply {
            held: 0,
            obtainable: 0,
        };
        let refused = line(d("5")).issue(units(1), empty).unwrap_err();
        assert!(
            refused
                .message
                .starts_with("None of this part is left to issue")
        );
    }

    #[test]
    fn consumption_stays_within_what_is_at_the_bench() {
        let at_bench = MaterialLine {
            issued: d("4"),
            consumed: d("1"),
            returned: d("1"),
            ..line(d("4"))
        };
        assert_eq!(at_bench.consume(d("2")), Ok(()));
        let refused = at_bench.consume(d("3")).unwrap_err();
        assert_eq!(refused.field, "quantity");
        assert_eq!(
            refused.message,
            "Only 2 issued and not yet consumed or returned; 3 entered."
        );
    }

    #[test]
    fn only_whole_units_at_the_bench_go_back() {
        let offcut = MaterialLine {
            issued: d("3"),
            consumed: d("1.5"),
            counted: false,
            ..line(d("2.5"))
        };
        assert_eq!(offcut.returnable(), 1);
        assert_eq!(offcut.give_back(units(1)), Ok(()));
        let refused = offcut.give_back(units(2)).unwrap_err();
        assert_eq!(
            refused.message,
            "Only 1 at the bench to return (issued 3, consumed 1.5, returned 0); 2 entered."
        );
    }

    #[test]
    fn a_counted_part_is_consumed_in_whole_pieces_a_measured_one_in_decimals() {
        let counted = MaterialLine {
            issued: d("2"),
            ..line(d("2"))
        };
        assert_eq!(parse_consumed(" 2 "), Ok(d("2")));
        assert_eq!(
            counted.consume(d("1.5")).unwrap_err().message,
            "This part is counted in whole pieces: enter a whole number."
        );
        let measured = MaterialLine {
            counted: false,
            ..counted
        };
        assert_eq!(parse_consumed("1.25"), Ok(d("1.25")));
        assert_eq!(measured.consume(d("1.25")), Ok(()));
        assert_eq!(
            parse_consumed("0.00001").unwrap_err().message,
            "Use at most 4 decimals."
        );
        assert_eq!(
            parse_consumed("0").unwrap_err().message,
            "Enter a number greater than zero."
        );
        assert_eq!(parse_consumed("a lot").unwrap_err().field, "quantity");
    }

    #[test]
    fn issues_and_returns_are_typed_as_whole_units() {
        assert_eq!(parse_units("3"), Ok(units(3)));
        assert_eq!(parse_units("1.5").unwrap_err().field, "quantity");
        assert_eq!(parse_units("0").unwrap_err().field, "quantity");
    }

    fn actor(role: Role, work_center: Option<&str>) -> Actor {
        Actor {
            role,
            user: Uuid::from_u128(1),
            work_center: work_center.map(|code| WorkCenterCode::parse(code).unwrap()),
        }
    }

    fn assembly_task() -> TaskAccess {
        TaskAccess {
            assigned_to: None,
            work_center: WorkCenterCode::parse("ASSEMBLY").unwrap(),
            task_type: TaskType::Assembly,
            inspection_required: false,
        }
    }

    #[test]
    fn the_bench_does_all_three_and_a_store_person_issues_and_returns() {
        let task = assembly_task();
        let at_the_station = actor(Role::Assembler, Some("ASSEMBLY"));
        let elsewhere = actor(Role::Assembler, Some("WELDING"));
        let store = actor(Role::Procurement, None);
        for action in MaterialAction::ALL {
            assert!(may_handle(&at_the_station, &task, action));
            assert!(!may_handle(&elsewhere, &task, action));
        }
        assert!(may_handle(&store, &task, MaterialAction::Issue));
        assert!(may_handle(&store, &task, MaterialAction::Return));
        assert!(!may_handle(&store, &task, MaterialAction::Consume));
        assert!(!may_handle(
            &actor(Role::QcPerson, None),
            &task,
            MaterialAction::Issue
        ));
    }

    #[test]
    fn the_roles_that_may_handle_some_task_s_materials() {
        let issuers: Vec<Role> = Role::ALL
            .iter()
            .copied()
            .filter(|&role| MaterialAction::Issue.permitted(role))
            .collect();
        assert_eq!(
            issuers,
            [
                Role::ProductionCoordinator,
                Role::Admin,
                Role::Procurement,
                Role::Assembler
            ]
        );
        assert!(!MaterialAction::Consume.permitted(Role::Procurement));
        assert!(MaterialAction::Consume.permitted(Role::Assembler));
    }
}
