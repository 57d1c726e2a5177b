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
    /// The order has something to make: a sink or a line item.
    HasWork,
    /// Every sink configuration is APPROVED.
    SinksApproved,
    /// Every sink configuration has an APPROVED BOM version.
    BomsApproved,
    /// Every approved BOM's parts were issued to the build in full: what
    /// ships is what was consumed.
    StockIssued,
}

/// What the system knows about an order when a move is asked for. Each
/// list names the builds that hold a move up, so a refusal can say which.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderFacts {
    pub has_work: bool,
    pub unapproved_sinks: Vec<String>,
    pub unapproved_boms: Vec<String>,
    pub unissued_builds: Vec<String>,
}

impl OrderFacts {
    /// The refusal `requirement` gives, or `None` when it holds.
    fn unmet(&self, requirement: Requirement) -> Option<MoveRefused> {
        let builds = |list: &[String]| (!list.is_empty()).then(|| list.join(", "));
        match requirement {
            Requirement::HasWork => (!self.has_work).then_some(MoveRefused::NothingToBuild),
            Requirement::SinksApproved => builds(&self.unapproved_sinks)
                .map(|builds| MoveRefused::SinksNotApproved { builds }),
            Requirement::BomsApproved => {
                builds(&self.unapproved_boms).map(|builds| MoveRefused::BomsNotApproved { builds })
            }
            Requirement::StockIssued => {
                builds(&self.unissued_builds).map(|builds| MoveRefused::StockNotIssued { builds })
            }
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
        &[
            Requirement::HasWork,
            Requirement::SinksApproved,
            Requirement::BomsApproved,
        ],
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
    forward(
        QcComplete,
        Shipped,
        &[ProductionCoordinator, Admin],
        &[Requirement::StockIssued],
    ),
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
    #[error(
        "An order with no sinks and no line items has nothing to produce: add a sink or a line item first."
    )]
    NothingToBuild,
    #[error(
        "Every sink on the order must be approved before production starts (not yet approved: {builds})."
    )]
    SinksNotApproved { builds: String },
    #[error(
        "Every sink's BOM must be approved before production starts (no approved BOM: {builds})."
    )]
    BomsNotApproved { builds: String },
    #[error(
        "An order ships only when every build's BOM stock has been issued to it (still to issue: {builds})."
    )]
    StockNotIssued { builds: String },
}

/// Whether an order in `status` has left the shop: its configurations, BOM
/// versions and issued stock are then the as-built record, and nothing may
/// withdraw, regenerate, release or edit them.
pub fn build_records_frozen(status: OrderStatus) -> bool {
    matches!(status, Shipped | Delivered)
}

/// What a move does that cannot simply be taken back, for the person to
/// confirm before it is made; `None` for an everyday move.
pub fn consequence(to: OrderStatus) -> Option<&'static str> {
    match to {
        Shipped => Some(
            "The order leaves the shop: its configurations, BOMs and issued stock are frozen as the as-built record.",
        ),
        Delivered => {
            Some("The order is closed as delivered: no further status change is possible.")
        }
        _ => None,
    }
}

/// Who acts next on an order in `status`, in words for the order page.
pub fn waiting_for(status: OrderStatus) -> Option<&'static str> {
    match status {
        Pending => Some(
            "Waiting for the production coordinator: approve every sink and its BOM, then start production.",
        ),
        InProduction => Some("Waiting for assembly: build the sinks, then move to pre-QC."),
        PreQc => Some("Waiting for QC: pre-QC inspection."),
        ProductionComplete => Some("Waiting for the production coordinator: send to final QC."),
        FinalQc => Some("Waiting for QC: final inspection."),
        QcComplete => {
            Some("Waiting for the production coordinator: issue every build's stock, then ship.")
        }
        Shipped => Some("Waiting for delivery to be confirmed."),
        Delivered => None,
    }
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
    facts: &OrderFacts,
) -> Result<&'static Move, MoveRefused> {
    let found = find(from, to).ok_or(MoveRefused::NoSuchMove { from, to })?;
    if !found.roles.contains(&role) {
        return Err(MoveRefused::NotYourRole { from, to });
    }
    let has_reason = reason.is_some_and(|reason| !reason.trim().is_empty());
    if found.needs_reason() && !has_reason {
        return Err(MoveRefused::ReasonRequired);
    }
    match found
        .requires
        .iter()
        .find_map(|&requirement| facts.unmet(requirement))
    {
        Some(refusal) => Err(refusal),
        None => Ok(found),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DbEnum;
    use proptest::prelude::*;

    /// An order whose every gate is open.
    fn ready() -> OrderFacts {
        OrderFacts {
            has_work: true,
            ..OrderFacts::default()
        }
    }

    fn held_up(list: &[&str]) -> Vec<String> {
        list.iter().map(|&build| build.to_owned()).collect()
    }

    #[test]
    fn the_happy_path_runs_through_every_status_in_order() {
        let mut status = Pending;
        let mut visited = vec![status];
        while let Some(next) = MOVES
            .iter()
            .find(|candidate| candidate.from == status && candidate.direction == Direction::Forward)
        {
            status = check(Admin, status, next.to, None, &ready()).unwrap().to;
            visited.push(status);
        }
        assert_eq!(visited, OrderStatus::ALL);
    }

    #[test]
    fn an_order_with_nothing_to_make_cannot_start_production() {
        let refused = check(
            ProductionCoordinator,
            Pending,
            InProduction,
            None,
            &OrderFacts::default(),
        );
        assert_eq!(refused, Err(MoveRefused::NothingToBuild));
    }

    #[test]
    fn production_waits_for_approved_sinks_and_names_them() {
        let facts = OrderFacts {
            unapproved_sinks: held_up(&["TB-2026-0113-01", "TB-2026-0113-02"]),
            ..ready()
        };
        let refused =
            check(ProductionCoordinator, Pending, InProduction, None, &facts).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "Every sink on the order must be approved before production starts (not yet approved: TB-2026-0113-01, TB-2026-0113-02)."
        );
    }

    #[test]
    fn production_waits_for_every_bom_to_be_approved() {
        let facts = OrderFacts {
            unapproved_boms: held_up(&["TB-2026-0112-01"]),
            ..ready()
        };
        assert_eq!(
            check(Admin, Pending, InProduction, None, &facts),
            Err(MoveRefused::BomsNotApproved {
                builds: "TB-2026-0112-01".to_owned()
            })
        );
    }

    #[test]
    fn shipping_waits_until_every_build_has_its_stock_issued() {
        let facts = OrderFacts {
            unissued_builds: held_up(&["TB-2026-0104-01"]),
            ..ready()
        };
        assert!(matches!(
            check(ProductionCoordinator, QcComplete, Shipped, None, &facts),
            Err(MoveRefused::StockNotIssued { .. })
        ));
        assert!(check(ProductionCoordinator, QcComplete, Shipped, None, &ready()).is_ok());
    }

    #[test]
    fn only_shipped_and_delivered_orders_freeze_their_build_records() {
        let frozen: Vec<OrderStatus> = OrderStatus::ALL
            .iter()
            .copied()
            .filter(|&status| build_records_frozen(status))
            .collect();
        assert_eq!(frozen, [Shipped, Delivered]);
    }

    #[test]
    fn shipping_and_delivering_ask_for_confirmation_and_everyday_moves_do_not() {
        let confirmed: Vec<OrderStatus> = OrderStatus::ALL
            .iter()
            .copied()
            .filter(|&to| consequence(to).is_some())
            .collect();
        assert_eq!(confirmed, [Shipped, Delivered]);
    }

    #[test]
    fn every_open_status_says_who_acts_next() {
        for &status in OrderStatus::ALL {
            assert_eq!(
                waiting_for(status).is_none(),
                status == Delivered,
                "{status:?}"
            );
        }
    }

    #[test]
    fn rework_needs_a_reason_and_the_right_role() {
        assert_eq!(
            check(QcPerson, FinalQc, InProduction, Some("  "), &ready()),
            Err(MoveRefused::ReasonRequired)
        );
        assert!(
            check(
                QcPerson,
                FinalQc,
                InProduction,
                Some("weld porosity"),
                &ready()
            )
            .is_ok()
        );
        assert_eq!(
            check(Assembler, FinalQc, InProduction, Some("x"), &ready()),
            Err(MoveRefused::NotYourRole {
                from: FinalQc,
                to: InProduction
            })
        );
    }

    #[test]
    fn steps_cannot_be_skipped_and_delivered_is_final() {
        assert!(matches!(
            check(Admin, Pending, PreQc, None, &ready()),
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

    /// Facts with each gate open or shut at random.
    fn any_facts() -> impl Strategy<Value = OrderFacts> {
        let builds = || prop::collection::vec("TB-[0-9]{2}", 0..3);
        (any::<bool>(), builds(), builds(), builds()).prop_map(
            |(has_work, unapproved_sinks, unapproved_boms, unissued_builds)| OrderFacts {
                has_work,
                unapproved_sinks,
                unapproved_boms,
                unissued_builds,
            },
        )
    }

    proptest! {
        /// Random requests by random roles over random facts: the order only
        /// ever lands on a status one step ahead, or behind with a reason;
        /// it starts production only with work, approved sinks and approved
        /// BOMs, and ships only with every build's stock issued.
        #[test]
        fn random_requests_never_skip_a_step_or_a_gate(
            requests in prop::collection::vec((any_role(), any_status(), any::<bool>(), any_facts()), 1..60)
        ) {
            let mut status = Pending;
            for (role, to, with_reason, facts) in requests {
                let reason = with_reason.then_some("rework");
                if let Ok(done) = check(role, status, to, reason, &facts) {
                    let step = OrderStatus::ALL.iter().position(|&s| s == to).unwrap() as i64
                        - OrderStatus::ALL.iter().position(|&s| s == status).unwrap() as i64;
                    prop_assert!(step == 1 || (step < 0 && with_reason));
                    if status == Pending && to == InProduction {
                        prop_assert!(facts.has_work);
                        prop_assert!(facts.unapproved_sinks.is_empty());
                        prop_assert!(facts.unapproved_boms.is_empty());
                    }
                    if to == Shipped && step == 1 {
                        prop_assert!(facts.unissued_builds.is_empty());
                    }
                    prop_assert_eq!(done.to, to);
                    status = to;
                }
            }
        }

        #[test]
        fn offered_moves_are_exactly_the_ones_check_accepts(role in any_role(), from in any_status(), to in any_status()) {
            let offered = moves_for(role, from).any(|candidate| candidate.to == to);
            let accepted = check(role, from, to, Some("reason"), &ready()).is_ok();
            prop_assert_eq!(offered, accepted);
        }
    }
}
