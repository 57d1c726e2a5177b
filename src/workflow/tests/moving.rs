//! Moves on the board that go through, what they write, and the card's
//! blocker line.

use super::{at, finished, fit_faucet, number, started, weld_basins};
use crate::workflow::DependencyType::{FinishToFinish, FinishToStart};
use crate::workflow::TaskStatus::{Completed, InProgress, OnHold, Pending};
use crate::workflow::{
    Completion, Gate, MovePlan, MoveRefusal, Predecessor, TaskStatus, already_made, blocker,
    check_move,
};

/// Moves step 040 from `from` to `to` at 10:00, from a board that saw
/// its current version.
pub(super) fn moving(
    from: TaskStatus,
    to: TaskStatus,
    predecessors: &[Predecessor],
    reason: Option<&str>,
) -> Result<MovePlan, MoveRefusal> {
    check_move(&fit_faucet(from), to, 3, predecessors, reason, at(120))
}

pub(super) fn message(refusal: MoveRefusal) -> String {
    refusal.message(at(120))
}

#[test]
fn starting_a_task_stamps_its_first_start_and_nothing_else() {
    assert_eq!(
        moving(Pending, InProgress, &[], None),
        Ok(MovePlan {
            status: InProgress,
            started_at: Some(at(120)),
            completed_at: Completion::Keep,
            hold_reason: None,
        })
    );
    let resumed = crate::workflow::MovingTask {
        started_at: Some(at(0)),
        ..fit_faucet(OnHold)
    };
    let plan = check_move(&resumed, InProgress, 3, &[], None, at(120)).unwrap();
    assert_eq!((plan.started_at, plan.hold_reason), (None, None));
}

#[test]
fn a_drag_from_to_do_to_done_starts_and_completes_it_at_once() {
    let plan = moving(Pending, Completed, &[], None).unwrap();
    assert_eq!(plan.started_at, Some(at(120)));
    assert_eq!(plan.completed_at, Completion::Set(at(120)));
}

#[test]
fn a_drag_from_to_do_to_done_must_pass_the_start_checks_too() {
    let refusal = moving(
        Pending,
        Completed,
        &[weld_basins(FinishToStart, 0, started(0))],
        None,
    );
    assert!(matches!(
        refusal,
        Err(MoveRefusal::Blocked {
            gate: Gate::Start,
            ..
        })
    ));
}

#[test]
fn reopening_a_done_task_clears_its_completion_and_keeps_its_start() {
    let done = crate::workflow::MovingTask {
        started_at: Some(at(0)),
        ..fit_faucet(Completed)
    };
    let plan = check_move(&done, InProgress, 3, &[], None, at(120)).unwrap();
    assert_eq!(
        (plan.started_at, plan.completed_at),
        (None, Completion::Clear)
    );
}

#[test]
fn a_hold_keeps_its_reason_trimmed_and_leaving_the_hold_clears_it() {
    let plan = moving(
        InProgress,
        OnHold,
        &[],
        Some("  waiting for the drain kit "),
    )
    .unwrap();
    assert_eq!(
        plan.hold_reason.as_deref(),
        Some("waiting for the drain kit")
    );
    assert_eq!(
        moving(OnHold, Pending, &[], Some("ignored"))
            .unwrap()
            .hold_reason,
        None
    );
}

#[test]
fn the_card_shows_what_holds_its_next_step_back() {
    let predecessors = [
        weld_basins(FinishToStart, 0, finished(10)),
        crate::workflow::Predecessor {
            number: number("035"),
            title: "Pressure test".to_owned(),
            ..weld_basins(FinishToFinish, 0, started(20))
        },
    ];
    assert_eq!(blocker(Pending, &predecessors, at(120)), None);
    assert_eq!(
        blocker(InProgress, &predecessors, at(120)).map(|blocker| blocker.label()),
        Some("blocked by TB-2026-0106-01-1-035 Pressure test".to_owned())
    );
    assert_eq!(blocker(Completed, &predecessors, at(120)), None);
}

#[test]
fn a_move_sent_again_after_it_was_made_is_already_made() {
    // The board saw version 2; the first send raised it to 3 and the card is done.
    assert!(already_made(&fit_faucet(Completed), Completed, 2));
}

#[test]
fn a_move_from_the_current_version_or_to_another_column_is_not_already_made() {
    assert!(!already_made(&fit_faucet(Completed), Completed, 3));
    assert!(!already_made(&fit_faucet(InProgress), Completed, 2));
}
