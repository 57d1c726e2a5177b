//! Working through a checklist: recording checks, progress and outcome.

use proptest::prelude::*;

use super::{basin_depth, reading};
use crate::quality::{
    DefectStatus, ItemResult, ItemState, Outcome, Progress, QcItemType, QcPhase, QcStatus, Unit,
    outcome, progress, record_check,
};
use crate::{BuildNumber, DbEnum};

/// A required visual check, not yet looked at.
fn visual(number: i32) -> ItemState {
    ItemState {
        number,
        required: true,
        item_type: QcItemType::VisualInspection,
        spec: None,
        photo_required: false,
        photos: 0,
        document_required: false,
        documents: 0,
        result: None,
        reading: None,
        defect: None,
    }
}

/// A required basin-depth measurement, not yet taken.
fn depth(number: i32) -> ItemState {
    ItemState {
        item_type: QcItemType::Measurement,
        spec: Some(basin_depth()),
        ..visual(number)
    }
}

fn optional(item: ItemState) -> ItemState {
    ItemState {
        required: false,
        ..item
    }
}

fn with_photo_required(item: ItemState) -> ItemState {
    ItemState {
        photo_required: true,
        ..item
    }
}

fn recorded(item: ItemState, result: ItemResult) -> ItemState {
    ItemState {
        result: Some(result),
        ..item
    }
}

fn measured(item: ItemState, mm: &str, result: ItemResult) -> ItemState {
    ItemState {
        reading: Some(reading(mm, Unit::Millimetre)),
        ..recorded(item, result)
    }
}

fn failed_with(item: ItemState, defect: DefectStatus) -> ItemState {
    ItemState {
        defect: Some(defect),
        ..recorded(item, ItemResult::Fail)
    }
}

#[test]
fn progress_counts_what_is_recorded_and_names_what_is_still_required() {
    let items = [
        recorded(visual(1), ItemResult::Pass),
        visual(2),
        optional(visual(3)),
        recorded(depth(4), ItemResult::Pass),
    ];
    assert_eq!(
        progress(&items),
        Progress {
            recorded: 2,
            total: 4,
            still_required: vec![2, 4],
        }
    );
}

#[test]
fn a_checklist_is_incomplete_while_a_result_a_reading_or_a_photo_is_missing() {
    let done = [
        recorded(visual(1), ItemResult::Pass),
        measured(depth(2), "25", ItemResult::Pass),
    ];
    assert_eq!(outcome(&done), Outcome::Passed);
    let missing_photo = [
        done[0].clone(),
        with_photo_required(recorded(visual(2), ItemResult::Pass)),
        optional(visual(3)),
    ];
    assert_eq!(
        outcome(&missing_photo),
        Outcome::Incomplete { missing: vec![2] }
    );
    let photographed = ItemState {
        photos: 1,
        ..missing_photo[1].clone()
    };
    assert_eq!(outcome(&[photographed]), Outcome::Passed);
    assert_eq!(
        outcome(&[visual(1), recorded(depth(2), ItemResult::Pass)]),
        Outcome::Incomplete {
            missing: vec![1, 2]
        }
    );
}

#[test]
fn a_checked_item_that_asks_for_a_document_is_missing_until_one_is_attached() {
    let asked = ItemState {
        document_required: true,
        ..recorded(visual(7), ItemResult::Pass)
    };
    assert_eq!(
        outcome(std::slice::from_ref(&asked)),
        Outcome::Incomplete { missing: vec![7] }
    );
    let attached = ItemState {
        documents: 1,
        ..asked
    };
    assert_eq!(outcome(&[attached]), Outcome::Passed);
    let not_applicable = ItemState {
        document_required: true,
        ..recorded(optional(visual(7)), ItemResult::NotApplicable)
    };
    assert_eq!(outcome(&[not_applicable]), Outcome::Passed);
}

#[test]
fn an_optional_item_marked_not_applicable_needs_no_photo() {
    let item = with_photo_required(optional(visual(7)));
    assert_eq!(
        outcome(&[recorded(item, ItemResult::NotApplicable)]),
        Outcome::Passed
    );
}

#[test]
fn a_failure_fails_the_checklist_until_its_defect_is_waived() {
    let open = [
        recorded(visual(1), ItemResult::Pass),
        failed_with(visual(2), DefectStatus::Resolved),
        recorded(visual(3), ItemResult::Fail),
        failed_with(visual(4), DefectStatus::Waived),
    ];
    assert_eq!(outcome(&open), Outcome::Failed { items: vec![2, 3] });
    let waived = [
        open[0].clone(),
        failed_with(visual(2), DefectStatus::Waived),
        open[3].clone(),
    ];
    assert_eq!(outcome(&waived), Outcome::PassedWithWaivers);
}

#[test]
fn a_checklist_is_signed_off_as_what_its_items_add_up_to_once_complete() {
    assert_eq!(
        Outcome::Incomplete { missing: vec![3] }.signed_status(),
        None
    );
    assert_eq!(Outcome::Passed.signed_status(), Some(QcStatus::Passed));
    assert_eq!(
        Outcome::PassedWithWaivers.signed_status(),
        Some(QcStatus::Waived)
    );
    assert_eq!(
        Outcome::Failed { items: vec![2] }.signed_status(),
        Some(QcStatus::Failed)
    );
}

#[test]
fn the_gates_take_a_checklist_passed_or_passed_with_waivers_and_nothing_else() {
    let passing: Vec<QcStatus> = QcStatus::ALL
        .iter()
        .copied()
        .filter(|status| status.is_passed())
        .collect();
    assert_eq!(passing, [QcStatus::Passed, QcStatus::Waived]);
}

#[test]
fn a_measurement_out_of_tolerance_cannot_be_passed() {
    let refused = record_check(
        &depth(4),
        ItemResult::Pass,
        Some(&reading("27", Unit::Millimetre)),
    )
    .unwrap_err();
    assert_eq!(refused.field, "result");
    assert_eq!(
        refused.message,
        "27 mm is outside 25 mm ± 1.5, by 0.5 mm: record it as a failure."
    );
    assert_eq!(
        record_check(
            &depth(4),
            ItemResult::Fail,
            Some(&reading("27", Unit::Millimetre))
        ),
        Ok(ItemResult::Fail)
    );
}

#[test]
fn a_measurement_within_tolerance_passes_or_is_failed_for_another_reason() {
    let inches = reading("1", Unit::Inch);
    assert_eq!(
        record_check(&depth(4), ItemResult::Pass, Some(&inches)),
        Ok(ItemResult::Pass)
    );
    assert_eq!(
        record_check(&depth(4), ItemResult::Fail, Some(&inches)),
        Ok(ItemResult::Fail)
    );
}

#[test]
fn a_measurement_needs_a_reading_in_a_unit_it_can_be_judged_in() {
    let refused = record_check(&depth(4), ItemResult::Pass, None).unwrap_err();
    assert_eq!(
        (refused.field.as_str(), refused.message.as_str()),
        ("reading", "Enter the value you measured.")
    );
    let seconds = reading("25", Unit::Second);
    let refused = record_check(&depth(4), ItemResult::Pass, Some(&seconds)).unwrap_err();
    assert_eq!(refused.field, "reading");
    let unspecified = ItemState {
        spec: None,
        ..depth(4)
    };
    let refused = record_check(
        &unspecified,
        ItemResult::Pass,
        Some(&reading("25", Unit::Millimetre)),
    )
    .unwrap_err();
    assert_eq!(refused.field, "reading");
}

#[test]
fn only_an_optional_check_may_be_marked_not_applicable_and_then_without_a_reading() {
    let refused = record_check(&visual(1), ItemResult::NotApplicable, None).unwrap_err();
    assert_eq!(refused.field, "result");
    assert_eq!(
        record_check(&optional(depth(2)), ItemResult::NotApplicable, None),
        Ok(ItemResult::NotApplicable)
    );
    let with_value = record_check(
        &optional(depth(2)),
        ItemResult::NotApplicable,
        Some(&reading("25", Unit::Millimetre)),
    );
    assert_eq!(with_value.unwrap_err().field, "reading");
}

#[test]
fn a_check_that_is_not_a_measurement_takes_no_reading() {
    let refused = record_check(
        &visual(1),
        ItemResult::Pass,
        Some(&reading("1", Unit::Millimetre)),
    )
    .unwrap_err();
    assert_eq!(refused.field, "reading");
    assert_eq!(
        record_check(&visual(1), ItemResult::Fail, None),
        Ok(ItemResult::Fail)
    );
}

#[test]
fn a_checklist_is_numbered_after_its_build_and_phase() {
    let build = BuildNumber::parse("TB-2026-0106-01-1").unwrap();
    assert_eq!(
        QcPhase::PreQc.checklist_number(&build),
        "TB-2026-0106-01-1-PRE"
    );
    assert_eq!(
        QcPhase::FinalQc.checklist_number(&build),
        "TB-2026-0106-01-1-FIN"
    );
}

fn any_item(number: i32) -> impl Strategy<Value = ItemState> {
    let result = proptest::option::of(proptest::sample::select(ItemResult::ALL));
    let defect = proptest::option::of(proptest::sample::select(DefectStatus::ALL));
    // (required, photo_required, photos, document_required, documents)
    let asked = (
        any::<bool>(),
        any::<bool>(),
        0..2usize,
        any::<bool>(),
        0..2usize,
    );
    (any::<bool>(), asked, result, any::<bool>(), defect).prop_map(
        move |(measurement, asked, result, read, defect)| {
            let (required, photo_required, photos, document_required, documents) = asked;
            let item = if measurement {
                depth(number)
            } else {
                visual(number)
            };
            ItemState {
                required,
                photo_required,
                photos,
                document_required,
                documents,
                result,
                reading: read.then(|| reading("25", Unit::Millimetre)),
                defect,
                ..item
            }
        },
    )
}

fn any_checklist() -> impl Strategy<Value = Vec<ItemState>> {
    (0..12usize).prop_flat_map(|count| (1..=count as i32).map(any_item).collect::<Vec<_>>())
}

proptest! {
    /// A checklist passes only when every required item has a result and
    /// nothing lacks; it is never both complete and still requiring items,
    /// and a failure stands until its defect is waived.
    #[test]
    fn the_outcome_agrees_with_progress_and_each_item(items in any_checklist()) {
        let progress = progress(&items);
        prop_assert!(progress.recorded <= progress.total);
        match outcome(&items) {
            Outcome::Incomplete { missing } => {
                prop_assert!(!missing.is_empty());
                prop_assert_eq!(missing, progress.still_required);
            }
            complete => {
                prop_assert!(progress.still_required.is_empty());
                prop_assert!(items.iter().all(|item| !item.required || item.result.is_some()));
                let unwaived = items.iter().any(|item| {
                    item.result == Some(ItemResult::Fail) && item.defect != Some(DefectStatus::Waived)
                });
                prop_assert_eq!(matches!(complete, Outcome::Failed { .. }), unwaived);
            }
        }
    }
}

#[test]
fn results_are_recorded_only_before_the_sign_off_and_the_first_starts_the_checklist() {
    let open: Vec<QcStatus> = QcStatus::ALL
        .iter()
        .copied()
        .filter(|status| status.is_open())
        .collect();
    assert_eq!(open, [QcStatus::Pending, QcStatus::InProgress]);
    assert_eq!(QcStatus::Pending.with_a_result(), QcStatus::InProgress);
    assert_eq!(QcStatus::InProgress.with_a_result(), QcStatus::InProgress);
}
