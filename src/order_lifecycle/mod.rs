//! The order lifecycle as a state machine: which moves exist, who may make
//! each, which need a reason, and what must be true first. The server
//! enforces it; the order page offers only the moves it allows.

use serde::{Deserialize, Serialize};

use crate::{FieldError, OrderStatus, Role};

mod work;

pub use work::Work;

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
    /// Every production task of every build is done (or cancelled).
    ProductionDone,
    /// Every build's pre-QC checklist is signed as passed (failures waived
    /// count as passed).
    PreQcPassed,
    /// Every build's final-QC checklist is signed as passed likewise.
    FinalQcPassed,
    /// No build has a critical defect still open.
    NoBuildOnHold,
    /// Every sink unit has its serial number: on an order numbered by
    /// serial plates, each unit's plate is recorded.
    UnitsSerialised,
}

/// What the system knows about an order when a move is asked for. Each
/// list names the builds that hold a move up, so a refusal can say which.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderFacts {
    pub has_work: bool,
    pub unapproved_sinks: Vec<String>,
    pub unapproved_boms: Vec<String>,
    pub unissued_builds: Vec<String>,
    /// Sink units (build numbers) with a production task still open.
    pub unfinished_builds: Vec<String>,
    /// Builds whose pre-QC checklist is not signed as passed, each with
    /// why: `TB-2026-0106-01-1 (not signed)`.
    pub pre_qc_not_passed: Vec<String>,
    /// Builds whose final-QC checklist is not signed as passed, each with why.
    pub final_qc_not_passed: Vec<String>,
    /// Builds a critical defect holds.
    pub held_builds: Vec<String>,
    /// Sink units whose serial plate is not recorded yet.
    pub unserialised_units: Vec<String>,
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
            Requirement::ProductionDone => builds(&self.unfinished_builds)
                .map(|builds| MoveRefused::ProductionNotDone { builds }),
            Requirement::PreQcPassed => {
                builds(&self.pre_qc_not_passed).map(|builds| MoveRefused::PreQcNotPassed { builds })
            }
            Requirement::FinalQcPassed => builds(&self.final_qc_not_passed)
                .map(|builds| MoveRefused::FinalQcNotPassed { builds }),
            Requirement::NoBuildOnHold => {
                builds(&self.held_builds).map(|builds| MoveRefused::BuildsOnHold { builds })
            }
            Requirement::UnitsSerialised => builds(&self.unserialised_units)
                .map(|builds| MoveRefused::UnitsNotSerialised { builds }),
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
        &[Requirement::ProductionDone],
    ),
    forward(
        PreQc,
        ProductionComplete,
        &[QcPerson, Admin],
        &[Requirement::PreQcPassed, Requirement::NoBuildOnHold],
    ),
    forward(
        ProductionComplete,
        FinalQc,
        &[ProductionCoordinator, QcPerson, Admin],
        &[],
    ),
    forward(
        FinalQc,
        QcComplete,
        &[QcPerson, Admin],
        &[Requirement::FinalQcPassed, Requirement::NoBuildOnHold],
    ),
    forward(
        QcComplete,
        Shipped,
        &[ProductionCoordinator, Admin],
        &[Requirement::StockIssued, Requirement::UnitsSerialised],
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
    #[error(
        "An order goes to pre-QC when every production task of its builds is done (still open: {builds})."
    )]
    ProductionNotDone { builds: String },
    #[error(
        "Production is complete when every build's pre-QC checklist is signed as passed, its failures resolved or waived (not yet: {builds})."
    )]
    PreQcNotPassed { builds: String },
    #[error(
        "QC is complete when every build's final-QC checklist is signed as passed, its failures resolved or waived (not yet: {builds})."
    )]
    FinalQcNotPassed { builds: String },
    #[error("A critical defect holds a build: close or waive it first (on hold: {builds}).")]
    BuildsOnHold { builds: String },
    #[error(
        "An order numbered by serial plates ships when every unit's plate is recorded on its production record (not yet: {builds})."
    )]
    UnitsNotSerialised { builds: String },
}

/// Longest reason a move may carry: `order_status_history.change_reason
/// VARCHAR(255)`.
pub const REASON_LIMIT: usize = 255;

/// A move's reason as typed: trimmed, `None` when blank; refused at
/// `reason` when longer than the column holds.
pub fn parse_reason(raw: &str) -> Result<Option<String>, FieldError> {
    if raw.chars().count() > REASON_LIMIT {
        return Err(FieldError::new(
            "reason",
            format!("A reason has at most {REASON_LIMIT} characters."),
        ));
    }
    let reason = raw.trim();
    Ok((!reason.is_empty()).then(|| reason.to_owned()))
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
mod tests;
