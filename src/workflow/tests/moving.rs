//! Moves on the board: what they write, and each refusal as a tablet says it.

use super::{at, finished, fit_faucet, number, pending, started, weld_basins};
use crate::workflow::DependencyType::{FinishToFinish, FinishToStart, StartToStart};
use crate::workflow::TaskStatus::{Cancelled, Completed, InProgress, OnHold, Pending};
use crate::workflow::{
    Completion, Gate, MovePlan, MoveRefusal, Predecessor, TaskStatus, blocker, check_move,
};

/// Moves step 040 from `from` to `to` at 10:00, from a board that saw
/// its current version.
fn moving(
    from: TaskStatus,
    to: TaskStatus,
    predecessors: &[Predecessor],
    reason: Option<&str>,
) -> Result<MovePlan, MoveRefusal> {
    check_move(&fit_faucet(from), to, 3, predecessors, reason, at(120))
}

fn message(refusal: MoveRefusal) -> String {
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
fn a_hold_without_a_reason_is_refused_with_what_to_do() {
    for reason in [None, Some("   ")] {
        let refusal = moving(InProgress, OnHold, &[], reason).unwrap_err();
        assert_eq!(
            message(refusal),
            "Say why TB-2026-0106-01-1-040 is on hold: the next person reads it on the card."
        );
    }
    let long = "x".repeat(501);
    assert_eq!(
        message(moving(Pending, OnHold, &[], Some(&long)).unwrap_err()),
        "At most 500 characters; this has 501."
    );
}

#[test]
fn a_move_from_a_stale_board_is_refused_saying_where_the_card_is_now() {
    let refusal =
        check_move(&fit_faucet(InProgress), Completed, 2, &[], None, at(120)).unwrap_err();
    assert_eq!(
        message(refusal),
        "TB-2026-0106-01-1-040 was changed by someone else since your board loaded; it is now \
         In progress. Your board has been refreshed — move it again if still needed."
    );
}

#[test]
fn a_start_before_a_finish_to_start_predecessor_is_done_names_it() {
    let refusal = moving(
        Pending,
        InProgress,
        &[weld_basins(FinishToStart, 0, started(0))],
        None,
    );
    assert_eq!(
        message(refusal.unwrap_err()),
        "Cannot start: TB-2026-0106-01-1-030 “Weld basins” is not finished yet (finish to start)."
    );
}

#[test]
fn a_start_before_a_start_to_start_predecessor_started_says_so() {
    let refusal = moving(
        OnHold,
        InProgress,
        &[weld_basins(StartToStart, 0, pending())],
        None,
    );
    assert_eq!(
        message(refusal.unwrap_err()),
        "Cannot start: TB-2026-0106-01-1-030 “Weld basins” has not started yet (start to start)."
    );
}

#[test]
fn a_start_during_the_lag_says_how_many_minutes_are_left() {
    let refusal = moving(
        Pending,
        InProgress,
        &[weld_basins(FinishToStart, 60, finished(95))],
        None,
    );
    assert_eq!(
        message(refusal.unwrap_err()),
        "Cannot start for another 35 minutes: TB-2026-0106-01-1-030 “Weld basins” finished \
         less than 60 minutes ago (finish to start)."
    );
}

#[test]
fn a_completion_before_a_finish_to_finish_predecessor_is_done_is_refused() {
    let predecessors = [weld_basins(FinishToFinish, 0, started(0))];
    assert!(moving(Pending, InProgress, &predecessors, None).is_ok());
    assert_eq!(
        message(moving(InProgress, Completed, &predecessors, None).unwrap_err()),
        "Cannot complete: TB-2026-0106-01-1-030 “Weld basins” is not finished yet (finish to finish)."
    );
}

#[test]
fn a_task_that_needs_approval_is_not_done_until_approved() {
    let unapproved = crate::workflow::MovingTask {
        approval_required: true,
        ..fit_faucet(InProgress)
    };
    let refusal = check_move(&unapproved, Completed, 3, &[], None, at(120)).unwrap_err();
    assert_eq!(
        message(refusal),
        "Cannot complete: TB-2026-0106-01-1-040 “Fit faucet” needs its approval first; ask for it to be approved."
    );
    let approved = crate::workflow::MovingTask {
        approved: true,
        ..unapproved
    };
    assert!(check_move(&approved, Completed, 3, &[], None, at(120)).is_ok());
}

#[test]
fn moves_the_board_does_not_make_are_refused_each_with_its_reason() {
    let cases = [
        (
            Pending,
            Pending,
            "TB-2026-0106-01-1-040 is already in To do.",
        ),
        (
            InProgress,
            Cancelled,
            "TB-2026-0106-01-1-040 cannot be cancelled from the board; a coordinator cancels tasks with their build.",
        ),
        (
            Cancelled,
            InProgress,
            "TB-2026-0106-01-1-040 is cancelled; it stays off the board.",
        ),
        (
            OnHold,
            Completed,
            "TB-2026-0106-01-1-040 is on hold: move it to In progress before marking it done.",
        ),
        (
            Completed,
            Pending,
            "TB-2026-0106-01-1-040 is done: to reopen it, move it to In progress.",
        ),
        (
            Completed,
            OnHold,
            "TB-2026-0106-01-1-040 is done: to reopen it, move it to In progress.",
        ),
    ];
    for (from, to, expected) in cases {
        let refusal = moving(from, to, &[], Some("reason")).unwrap_err();
        assert_eq!(message(refusal), expected, "{from:?} → {to:?}");
    }
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
