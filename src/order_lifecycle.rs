//! The order lifecycle as a state machine: which moves exist, who may make
//! each, which need a reason, and what must be true first. The server
//! enforces it; the order page offers only the moves it allows.

use serde::{Deserialize, Serialize};

use crate::{OrderStatus, Role};

use OrderStatus::*;
use Role::*;

/// Which way a move goes through the lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    /// The next step.
    Forward,
    /// Back for rework or on hold: always with a reason.
    Back,
}

/// What must be true of the order before a move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Requirement {
    /// Every sink configuration is APPROVED.
    SinksApproved,
}

/// What the system knows about an order when a move is asked for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OrderFacts {
    pub sinks_approved: bool,
}

impl OrderFacts {
    fn meets(self, requirement: Requirement) -> bool {
        match requirement {
            Requirement::SinksApproved => self.sinks_approved,
        }
    }
}

/// One allowed move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    pub from: OrderStatus,
    pub to: OrderStatus,
    pub direction: Direction,
    pub roles: &'static [Role],
    pub requires: &'static [Requirement],
}

impl Move {
    pub fn needs_reason(&self) -> bool {
        self.direction == Direction::Back
    }
}

const fn forward(
    from: OrderStatus,
    to: OrderStatus,
    roles: &'static [Role],
    requires: &'static [Requirement],
) -> Move {
    Move {
        from,
        to,
        direction: Direction::Forward,
        roles,
        requires,
    }
}

const fn back(from: OrderStatus, to: OrderStatus, roles: &'static [Role]) -> Move {
    Move {
        from,
        to,
        direction: Direction::Back,
        roles,
        requires: &[],
    }
}

/// Every move. Forward moves are one step each; backward moves are rework
/// (QC sends an order back to production) or a hold.
pub const MOVES: &[Move] = &[
    forward(
        Pending,
        InProduction,
        &[ProductionCoordinator, Admin],
        &[Requirement::SinksApproved],
    ),
    forward(
        InProduction,
        PreQc,
        &[ProductionCoordinator, Assembler, Admin],
        &[],
    ),
    forward(PreQc, ProductionComplete, &[QcPerson, Admin], &[]),
    forward(
        ProductionComplete,
        FinalQc,
        &[ProductionCoordinator, QcPerson, Admin],
        &[],
    ),
    forward(FinalQc, QcComplete, &[QcPerson, Admin], &[]),
    forward(QcComplete, Shipped, &[ProductionCoordinator, Admin], &[]),
    forward(
        Shipped,
        Delivered,
        &[ProductionCoordinator, ServiceDepartment, Admin],
        &[],
    ),
    back(InProduction, Pending, &[ProductionCoordinator, Admin]),
    back(
        PreQc,
        InProduction,
        &[QcPerson, ProductionCoordinator, Admin],
    ),
    back(
        FinalQc,
        InProduction,
        &[QcPerson, ProductionCoordinator, Admin],
    ),
    back(Shipped, QcComplete, &[Admin]),
];

/// Why a move is refused, in words for the person who asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoveRefused {
    #[error("An order cannot go from {} to {}.", .from.label(), .to.label())]
    NoSuchMove { from: OrderStatus, to: OrderStatus },
    #[error("Your role may not move an order from {} to {}.", .from.label(), .to.label())]
    NotYourRole { from: OrderStatus, to: OrderStatus },
    #[error("Moving an order back needs a reason.")]
    ReasonRequired,
    #[error("Every sink on the order must be approved before production starts.")]
    SinksNotApproved,
}

/// The move from `from` to `to` if it exists.
pub fn find(from: OrderStatus, to: OrderStatus) -> Option<&'static Move> {
    MOVES
        .iter()
        .find(|candidate| candidate.from == from && candidate.to == to)
}

/// The moves `role` may make from `from`, forward first.
pub fn moves_for(role: Role, from: OrderStatus) -> impl Iterator<Item = &'static Move> {
    MOVES
        .iter()
        .filter(move |candidate| candidate.from == from && candidate.roles.contains(&role))
}

/// Checks a requested move; the reason is trimmed, and required going back.
pub fn check(
    role: Role,
    from: OrderStatus,
    to: OrderStatus,
    reason: Option<&str>,
    facts: OrderFacts,
) -> Result<&'static Move, MoveRefused> {
    let found = find(from, to).ok_or(MoveRefused::NoSuchMove { from, to })?;
    if !found.roles.contains(&role) {
        return Err(MoveRefused::NotYourRole { from, to });
    }
    let has_reason = reason.is_some_and(|reason| !reason.trim().is_empty());
    if found.needs_reason() && !has_reason {
        return Err(MoveRefused::ReasonRequired);
    }
    if let Some(&unmet) = found
        .requires
        .iter()
        .find(|&&requirement| !facts.meets(requirement))
    {
        return Err(match unmet {
            Requirement::SinksApproved => MoveRefused::SinksNotApproved,
        });
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DbEnum;
    use proptest::prelude::*;

    const READY: OrderFacts = OrderFacts {
        sinks_approved: true,
    };

    #[test]
    fn the_happy_path_runs_through_every_status_in_order() {
        let mut status = Pending;
        let mut visited = vec![status];
        while let Some(next) = MOVES
            .iter()
            .find(|candidate| candidate.from == status && candidate.direction == Direction::Forward)
        {
            status = check(Admin, status, next.to, None, READY).unwrap().to;
            visited.push(status);
        }
        assert_eq!(visited, OrderStatus::ALL);
    }

    #[test]
    fn production_waits_for_approved_sinks() {
        let refused = check(
            ProductionCoordinator,
            Pending,
            InProduction,
            None,
            OrderFacts::default(),
        );
        assert_eq!(refused, Err(MoveRefused::SinksNotApproved));
    }

    #[test]
    fn rework_needs_a_reason_and_the_right_role() {
        assert_eq!(
            check(QcPerson, FinalQc, InProduction, Some("  "), READY),
            Err(MoveRefused::ReasonRequired)
        );
        assert!(
            check(
                QcPerson,
                FinalQc,
                InProduction,
                Some("weld porosity"),
                READY
            )
            .is_ok()
        );
        assert_eq!(
            check(Assembler, FinalQc, InProduction, Some("x"), READY),
            Err(MoveRefused::NotYourRole {
                from: FinalQc,
                to: InProduction
            })
        );
    }

    #[test]
    fn steps_cannot_be_skipped_and_delivered_is_final() {
        assert!(matches!(
            check(Admin, Pending, PreQc, None, READY),
            Err(MoveRefused::NoSuchMove { .. })
        ));
        assert_eq!(moves_for(Admin, Delivered).count(), 0);
    }

    fn any_status() -> impl Strategy<Value = OrderStatus> {
        prop::sample::select(OrderStatus::ALL.to_vec())
    }

    fn any_role() -> impl Strategy<Value = Role> {
        prop::sample::select(Role::ALL.to_vec())
    }

    proptest! {
        /// Random requests by random roles: the order only ever lands on a
        /// status one step ahead, or behind with a reason.
        #[test]
        fn random_requests_never_skip_a_step(
            requests in prop::collection::vec((any_role(), any_status(), any::<bool>(), any::<bool>()), 1..60)
        ) {
            let mut status = Pending;
            for (role, to, with_reason, approved) in requests {
                let reason = with_reason.then_some("rework");
                let facts = OrderFacts { sinks_approved: approved };
                if let Ok(done) = check(role, status, to, reason, facts) {
                    let step = OrderStatus::ALL.iter().position(|&s| s == to).unwrap() as i64
                        - OrderStatus::ALL.iter().position(|&s| s == status).unwrap() as i64;
                    prop_assert!(step == 1 || (step < 0 && with_reason));
                    prop_assert!(to != InProduction || status != Pending || approved);
                    prop_assert_eq!(done.to, to);
                    status = to;
                }
            }
        }

        #[test]
        fn offered_moves_are_exactly_the_ones_check_accepts(role in any_role(), from in any_status(), to in any_status()) {
            let offered = moves_for(role, from).any(|candidate| candidate.to == to);
            let accepted = check(role, from, to, Some("reason"), READY).is_ok();
            prop_assert_eq!(offered, accepted);
        }
    }
}
