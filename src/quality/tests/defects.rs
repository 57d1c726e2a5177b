//! Working a defect off, and which defects hold a build.

use proptest::prelude::*;

use crate::quality::{
    DefectRefusal, DefectStatus, Severity, WAIVER_REASON_LIMIT, defect_move, defect_moves,
    holds_build,
};
use crate::{Action, DbEnum, Resource, Role, permits};
use DefectStatus::*;

#[test]
fn qc_works_a_defect_from_open_to_closed() {
    assert_eq!(defect_moves(Role::QcPerson, Open), [InProgress, Waived]);
    assert_eq!(defect_moves(Role::QcPerson, InProgress), [Resolved, Waived]);
    assert_eq!(
        defect_moves(Role::QcPerson, Resolved),
        [Open, Closed, Waived]
    );
    assert_eq!(defect_moves(Role::Admin, Resolved), [Open, Closed, Waived]);
}

#[test]
fn the_production_coordinator_takes_a_defect_in_hand_and_resolves_it_but_does_not_close_it() {
    let coordinator = Role::ProductionCoordinator;
    assert_eq!(defect_moves(coordinator, Open), [InProgress]);
    assert_eq!(defect_moves(coordinator, InProgress), [Resolved]);
    assert_eq!(
        defect_move(Resolved, Closed, coordinator, None),
        Err(DefectRefusal::NotYourRole {
            from: Resolved,
            to: Closed
        })
    );
    assert_eq!(
        DefectRefusal::NotYourRole {
            from: Resolved,
            to: Closed
        }
        .to_string(),
        "Your role may not move a defect from resolved to closed."
    );
}

#[test]
fn a_waiver_needs_a_reason_of_at_most_a_thousand_characters() {
    assert_eq!(
        defect_move(Open, Waived, Role::QcPerson, None),
        Err(DefectRefusal::ReasonRequired)
    );
    assert_eq!(
        defect_move(Open, Waived, Role::QcPerson, Some("   ")),
        Err(DefectRefusal::ReasonRequired)
    );
    let longest = "x".repeat(WAIVER_REASON_LIMIT);
    assert_eq!(
        defect_move(Open, Waived, Role::QcPerson, Some(&longest)),
        Ok(())
    );
    let too_long = "x".repeat(WAIVER_REASON_LIMIT + 1);
    assert_eq!(
        defect_move(Resolved, Waived, Role::Admin, Some(&too_long)),
        Err(DefectRefusal::ReasonTooLong)
    );
}

#[test]
fn only_a_role_that_signs_off_qc_may_waive() {
    for &role in Role::ALL {
        let waived = defect_move(InProgress, Waived, role, Some("cosmetic, customer accepts"));
        assert_eq!(
            waived.is_ok(),
            permits(role, Resource::Qc, Action::Approve),
            "{role:?}"
        );
    }
}

#[test]
fn closed_and_waived_defects_are_final() {
    for from in [Closed, Waived] {
        assert!(defect_moves(Role::Admin, from).is_empty());
        assert_eq!(
            defect_move(from, Open, Role::Admin, Some("again")),
            Err(DefectRefusal::Final { status: from })
        );
    }
    assert_eq!(
        DefectRefusal::Final { status: Waived }.to_string(),
        "The defect is waived already: it cannot change any more."
    );
}

#[test]
fn a_defect_cannot_skip_resolution() {
    assert_eq!(
        defect_move(Open, Closed, Role::Admin, None),
        Err(DefectRefusal::NoSuchMove {
            from: Open,
            to: Closed
        })
    );
    assert_eq!(
        defect_move(InProgress, InProgress, Role::Admin, None),
        Err(DefectRefusal::NoSuchMove {
            from: InProgress,
            to: InProgress
        })
    );
}

#[test]
fn only_a_critical_defect_still_being_worked_holds_its_build() {
    let holding: Vec<(Severity, DefectStatus)> = Severity::ALL
        .iter()
        .flat_map(|&severity| {
            DefectStatus::ALL
                .iter()
                .map(move |&status| (severity, status))
        })
        .filter(|&(severity, status)| holds_build(severity, status))
        .collect();
    assert_eq!(
        holding,
        [
            (Severity::Critical, Open),
            (Severity::Critical, InProgress),
            (Severity::Critical, Resolved)
        ]
    );
}

proptest! {
    /// Random moves by random roles: a defect only ever reaches waived
    /// with a reason from someone who signs off QC, and never leaves
    /// closed or waived.
    #[test]
    fn random_moves_keep_the_defect_workflow(
        moves in prop::collection::vec((
            prop::sample::select(Role::ALL),
            prop::sample::select(DefectStatus::ALL),
            any::<bool>(),
        ), 1..40)
    ) {
        let mut status = Open;
        for (role, to, with_reason) in moves {
            let reason = with_reason.then_some("customer accepts");
            if defect_move(status, to, role, reason).is_ok() {
                prop_assert!(!matches!(status, Closed | Waived));
                prop_assert_ne!(status, to);
                if to == Waived {
                    prop_assert!(with_reason && permits(role, Resource::Qc, Action::Approve));
                }
                status = to;
            }
        }
    }
}
