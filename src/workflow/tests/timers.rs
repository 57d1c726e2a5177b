//! Timers, manual entries and actual time against the estimate.

use chrono::Duration;
use uuid::Uuid;

use super::at;
use crate::FieldError;
use crate::workflow::{
    ActivityType, ManualEntryDraft, Running, Span, Stopped, TimerStart, Totals, Variance,
    minutes_between, start_timer, stop_timer, tapped_at,
};

fn task(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

/// Work on task 1 from `start` to `end` minutes after 08:00, at 12:00.
fn entry(start: i64, end: i64) -> ManualEntryDraft {
    ManualEntryDraft {
        task: task(1),
        start: Some(at(start)),
        end: Some(at(end)),
        activity: "WORK".to_owned(),
        note: String::new(),
    }
}

fn span(start: i64, end: Option<i64>) -> Span {
    Span {
        start: at(start),
        end: end.map(at),
    }
}

fn refusals(draft: &ManualEntryDraft, others: &[Span]) -> Vec<FieldError> {
    draft.parse(others, at(240)).unwrap_err()
}

#[test]
fn starting_a_timer_pauses_the_one_already_running_at_the_same_moment() {
    let running = Running {
        task: task(1),
        start: at(0),
    };
    assert_eq!(
        start_timer(Some(&running), task(2), at(45)),
        TimerStart::Start {
            pause: Some(Stopped {
                task: task(1),
                end: at(45),
                minutes: 45
            })
        }
    );
    assert_eq!(
        start_timer(None, task(2), at(45)),
        TimerStart::Start { pause: None }
    );
    assert_eq!(
        start_timer(Some(&running), task(1), at(45)),
        TimerStart::AlreadyRunning
    );
}

#[test]
fn a_timer_counts_whole_minutes_to_the_nearest_and_at_least_one_if_it_ran() {
    let seconds = |s| minutes_between(at(0), at(0) + Duration::seconds(s));
    assert_eq!(
        [
            seconds(0),
            seconds(1),
            seconds(89),
            seconds(90),
            seconds(-5)
        ],
        [0, 1, 1, 2, 0]
    );
}

#[test]
fn a_timer_stopped_by_a_clock_behind_its_start_ends_at_its_start() {
    let running = Running {
        task: task(1),
        start: at(10),
    };
    assert_eq!(
        stop_timer(&running, at(5)),
        Stopped {
            task: task(1),
            end: at(10),
            minutes: 0
        }
    );
}

#[test]
fn a_manual_entry_is_its_minutes_activity_and_trimmed_note() {
    let draft = ManualEntryDraft {
        activity: "REWORK".to_owned(),
        note: "  regrind the weld ".to_owned(),
        ..entry(0, 90)
    };
    let accepted = draft.parse(&[span(90, Some(120))], at(240)).unwrap();
    assert_eq!(
        (
            accepted.minutes,
            accepted.activity,
            accepted.note.as_deref()
        ),
        (90, ActivityType::Rework, Some("regrind the weld"))
    );
}

#[test]
fn an_entry_ending_before_it_starts_is_refused_at_the_end() {
    let expected = vec![FieldError::new("end", "The end must be after the start.")];
    assert_eq!(refusals(&entry(60, 30), &[]), expected);
    assert_eq!(refusals(&entry(60, 60), &[]), expected);
}

#[test]
fn an_entry_in_the_future_is_refused_at_each_field_that_is() {
    assert_eq!(
        refusals(&entry(250, 260), &[]),
        vec![
            FieldError::new(
                "start",
                "The start is in the future; record time already worked."
            ),
            FieldError::new(
                "end",
                "The end is in the future; record time already worked."
            ),
        ]
    );
}

#[test]
fn an_entry_over_sixteen_hours_is_refused_and_sixteen_is_accepted() {
    let now = at(24 * 60);
    assert!(entry(0, 16 * 60).parse(&[], now).is_ok());
    assert_eq!(
        entry(0, 16 * 60 + 1).parse(&[], now).unwrap_err(),
        vec![FieldError::new(
            "end",
            "An entry is at most 16 hours; split a longer one."
        )]
    );
}

#[test]
fn an_entry_overlapping_recorded_time_is_refused_and_one_touching_it_is_not() {
    let others = [span(60, Some(120))];
    assert_eq!(
        refusals(&entry(100, 150), &others),
        vec![FieldError::new(
            "start",
            "This overlaps time you already recorded; change the start or the end."
        )]
    );
    assert!(!refusals(&entry(119, 150), &others).is_empty());
    assert!(!refusals(&entry(30, 61), &others).is_empty());
    assert!(entry(120, 150).parse(&others, at(240)).is_ok());
    assert!(entry(30, 60).parse(&others, at(240)).is_ok());
}

#[test]
fn a_running_timer_counts_as_recorded_until_now() {
    assert_eq!(
        refusals(&entry(200, 230), &[span(180, None)]),
        vec![FieldError::new(
            "start",
            "This overlaps your running timer; change the start or the end."
        )]
    );
}

#[test]
fn missing_times_and_an_unknown_activity_are_each_refused_at_their_field() {
    let draft = ManualEntryDraft {
        start: None,
        end: None,
        activity: "BREAK".to_owned(),
        ..entry(0, 0)
    };
    let fields: Vec<_> = refusals(&draft, &[])
        .into_iter()
        .map(|error| error.field)
        .collect();
    assert_eq!(fields, ["start", "end", "activity"]);
    let blank = ManualEntryDraft {
        activity: " ".to_owned(),
        ..entry(0, 10)
    };
    assert_eq!(
        refusals(&blank, &[]),
        vec![FieldError::new(
            "activity",
            "Choose what the time was spent on."
        )]
    );
}

#[test]
fn a_task_totals_its_entries_with_a_running_one_until_now_against_its_estimate() {
    let totals = Totals::of_task(Some(90), &[span(0, Some(60)), span(100, None)], at(145));
    assert_eq!(
        (totals.estimate, totals.actual, totals.unestimated),
        (90, 105, 0)
    );
    assert_eq!(
        (totals.difference(), totals.variance()),
        (15, Variance::Over(15))
    );
}

#[test]
fn a_build_adds_its_tasks_up_and_counts_those_without_an_estimate() {
    let build: Totals = [
        Totals::of_task(Some(60), &[span(0, Some(40))], at(300)),
        Totals::of_task(Some(30), &[span(40, Some(70))], at(300)),
        Totals::of_task(None, &[span(70, Some(80))], at(300)),
    ]
    .into_iter()
    .sum();
    assert_eq!(
        (build.estimate, build.actual, build.unestimated),
        (90, 80, 1)
    );
    assert_eq!(build.variance(), Variance::Under(10));
    let on = Totals::of_task(Some(40), &[span(0, Some(40))], at(300));
    assert_eq!(on.variance(), Variance::OnEstimate);
}

#[test]
fn a_tap_kept_offline_is_recorded_at_the_moment_it_was_made() {
    assert_eq!(tapped_at(Some(at(30)), None, at(90)), Ok(at(30)));
    assert_eq!(tapped_at(None, None, at(90)), Ok(at(90)));
}

#[test]
fn a_tablet_clock_ahead_of_the_server_is_not_believed_past_now() {
    assert_eq!(tapped_at(Some(at(95)), None, at(90)), Ok(at(90)));
}

#[test]
fn a_tap_before_the_running_timer_started_is_that_start() {
    assert_eq!(tapped_at(Some(at(10)), Some(at(20)), at(90)), Ok(at(20)));
}

#[test]
fn a_tap_kept_longer_than_twelve_hours_is_refused() {
    let said = tapped_at(Some(at(0)), None, at(12 * 60 + 1)).unwrap_err();
    assert!(said.contains("enter the time by hand"), "{said}");
    assert_eq!(tapped_at(Some(at(1)), None, at(12 * 60 + 1)), Ok(at(1)));
}
