//! Each refusal of a move, as a tablet says it.

use super::moving::{message, moving};
use super::{at, finished, fit_faucet, pending, started, weld_basins};
use crate::workflow::DependencyType::{FinishToFinish, FinishToStart, StartToStart};
use crate::workflow::TaskStatus::{Cancelled, Completed, InProgress, OnHold, Pending};
use crate::workflow::check_move;

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
fn a_lead_still_waiting_says_the_stamp_is_ahead_of_the_clock() {
    let refusal = moving(
        Pending,
        InProgress,
        &[weld_basins(FinishToStart, -10, finished(150))],
        None,
    );
    assert_eq!(
        message(refusal.unwrap_err()),
        "Cannot start for another 20 minutes: TB-2026-0106-01-1-030 “Weld basins” finished \
         at a time this clock has not reached yet (finish to start)."
    );
}
