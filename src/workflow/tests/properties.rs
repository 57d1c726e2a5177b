//! Properties over random predecessors, clocks and moves.

use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;

use super::{at, fit_faucet, number};
use crate::DbEnum;
use crate::workflow::{
    Dependency, DependencyType, ManualEntryDraft, MoveRefusal, Predecessor, PredecessorTimes, Span,
    TaskStatus, blocker, check_move,
};

fn status() -> impl Strategy<Value = TaskStatus> {
    proptest::sample::select(TaskStatus::ALL)
}

/// A predecessor as a row may hold it: a start stamp once it started (or
/// sometimes after it was put back), a finish stamp when it is done. The
/// clock is small and finish-to-start and done are the likelier, so many
/// cases fall within a minute or two of a lag's end.
fn predecessor() -> impl Strategy<Value = Predecessor> {
    (
        prop_oneof![
            2 => Just(DependencyType::FinishToStart),
            1 => proptest::sample::select(DependencyType::ALL),
        ],
        -20..40i32,
        prop_oneof![2 => Just(TaskStatus::Completed), 1 => status()],
        0..60i64,
        0..30i64,
        any::<bool>(),
    )
        .prop_map(|(kind, lag_minutes, status, start, length, kept_start)| {
            let started =
                matches!(status, TaskStatus::InProgress | TaskStatus::Completed) || kept_start;
            Predecessor {
                number: number("030"),
                title: "Weld basins".to_owned(),
                dependency: Dependency { kind, lag_minutes },
                times: PredecessorTimes {
                    status,
                    started_at: started.then(|| at(start)),
                    completed_at: (status == TaskStatus::Completed).then(|| at(start + length)),
                },
            }
        })
}

/// Predecessors and a clock that often stands within a minute or two of
/// when one of their lags ends, where an off-by-one would show.
fn board() -> impl Strategy<Value = (Vec<Predecessor>, DateTime<Utc>)> {
    proptest::collection::vec(predecessor(), 0..5).prop_flat_map(|predecessors| {
        let mut edges: Vec<DateTime<Utc>> = predecessors
            .iter()
            .filter_map(|predecessor| {
                let times = predecessor.times;
                let event = times.completed_at.or(times.started_at)?;
                Some(event + Duration::minutes(predecessor.dependency.lag_minutes.into()))
            })
            .collect();
        edges.push(at(60));
        let now = (proptest::sample::select(edges), -2..=2i64)
            .prop_map(|(edge, nudge)| edge + Duration::minutes(nudge));
        (Just(predecessors), now)
    })
}

/// A move's target, most often In progress.
fn target() -> impl Strategy<Value = TaskStatus> {
    prop_oneof![2 => Just(TaskStatus::InProgress), 1 => status()]
}

proptest! {
    #[test]
    fn no_move_ever_violates_a_finish_to_start_dependency(
        (predecessors, now) in board(),
        from in status(),
        to in target(),
    ) {
        let plan = check_move(&fit_faucet(from), to, 3, &predecessors, Some("parts"), now);
        let starts = to == TaskStatus::InProgress || (from == TaskStatus::Pending && to == TaskStatus::Completed);
        if plan.is_ok() && starts {
            for predecessor in &predecessors {
                let times = predecessor.times;
                if predecessor.dependency.kind == DependencyType::FinishToStart
                    && times.status != TaskStatus::Cancelled
                {
                    let lag = Duration::minutes(predecessor.dependency.lag_minutes.into());
                    prop_assert_eq!(times.status, TaskStatus::Completed);
                    prop_assert!(times.completed_at.unwrap() + lag <= now, "{:?}", predecessor);
                }
            }
        }
    }

    #[test]
    fn the_card_is_blocked_exactly_when_its_start_would_be_refused(
        (predecessors, now) in board(),
    ) {
        let card = blocker(TaskStatus::Pending, &predecessors, now);
        let moved = check_move(&fit_faucet(TaskStatus::Pending), TaskStatus::InProgress, 3, &predecessors, None, now);
        match moved {
            Ok(_) => prop_assert_eq!(card, None),
            Err(MoveRefusal::Blocked { blocker, .. }) => prop_assert_eq!(card, Some(blocker)),
            Err(other) => prop_assert!(false, "{:?}", other),
        }
    }

    #[test]
    fn a_move_from_a_stale_board_is_always_refused(
        predecessors in proptest::collection::vec(predecessor(), 0..3),
        from in status(),
        to in status(),
        seen in -5..10i32,
    ) {
        prop_assume!(seen != 3);
        let refusal = check_move(&fit_faucet(from), to, seen, &predecessors, Some("parts"), at(60));
        let is_stale = matches!(refusal, Err(MoveRefusal::Stale { .. }));
        prop_assert!(is_stale);
    }

    #[test]
    fn manual_entries_accepted_one_after_another_never_overlap(
        drafts in proptest::collection::vec((0..120i64, -5..40i64), 1..16),
        running in proptest::option::of(0..130i64),
    ) {
        let now = at(130);
        let mut recorded: Vec<Span> = running.map(|start| Span { start: at(start), end: None }).into_iter().collect();
        for (start, length) in drafts {
            let draft = ManualEntryDraft {
                start: Some(at(start)),
                end: Some(at(start + length)),
                activity: "WORK".to_owned(),
                ..ManualEntryDraft::default()
            };
            if let Ok(entry) = draft.parse(&recorded, now) {
                recorded.push(Span { start: entry.start, end: Some(entry.end) });
            }
        }
        for (i, first) in recorded.iter().enumerate() {
            for second in &recorded[i + 1..] {
                let apart = first.end_or(now) <= second.start || second.end_or(now) <= first.start;
                prop_assert!(apart, "{:?} {:?}", first, second);
            }
        }
    }
}
