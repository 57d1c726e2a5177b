//! A build's checklist as it is worked through: what each item has
//! recorded, how far along the checklist is ("12 of 31"), and whether it
//! has passed. An item's result is checked as it is recorded: a
//! measurement's result follows its reading (an inspector cannot pass a
//! value out of tolerance), and only an optional item may be marked not
//! applicable. The outcome reads only the recorded states, so the order's
//! gate, the capture screen and sign-off agree on what "passed" means.

use serde::{Deserialize, Serialize};

use super::{DefectStatus, Judgement, Reading, Spec, judge};
use crate::FieldError;

crate::db_enum::db_enum! {
    /// Which inspection a checklist is: before the sink is finished, or
    /// before it ships.
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum QcPhase: "QC phase" {
        PreQc = "PRE_QC" as "Pre-QC",
        FinalQc = "FINAL_QC" as "Final QC",
    }
}

impl QcPhase {
    /// The checklist's number for people: `TB-2026-0106-01-1-PRE`.
    pub fn checklist_number(self, build: &crate::BuildNumber) -> String {
        let suffix = match self {
            Self::PreQc => "PRE",
            Self::FinalQc => "FIN",
        };
        format!("{build}-{suffix}")
    }
}

crate::db_enum::db_enum! {
    /// Where a checklist stands.
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum QcStatus: "QC status" {
        Pending = "PENDING" as "Not started",
        InProgress = "IN_PROGRESS" as "In progress",
        Passed = "PASSED" as "Passed",
        Failed = "FAILED" as "Failed",
        Waived = "WAIVED" as "Passed with waivers",
    }
}

impl QcStatus {
    /// Signed as passing: passed, or passed with every failure waived.
    /// What the order's QC gates accept.
    pub fn is_passed(self) -> bool {
        matches!(self, Self::Passed | Self::Waived)
    }

    /// Not signed yet: results can still be recorded.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Pending | Self::InProgress)
    }

    /// The status once a result is recorded on an open checklist: one not
    /// started is under way.
    pub fn with_a_result(self) -> Self {
        match self {
            Self::Pending => Self::InProgress,
            other => other,
        }
    }
}

crate::db_enum::db_enum! {
    /// What kind of check an item is.
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum QcItemType: "QC item type" {
        VisualInspection = "VISUAL_INSPECTION" as "Visual inspection",
        Measurement = "MEASUREMENT" as "Measurement",
        FunctionalTest = "FUNCTIONAL_TEST" as "Functional test",
        Documentation = "DOCUMENTATION" as "Documentation",
    }
}

crate::db_enum::db_enum! {
    /// What an inspector recorded for an item.
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum ItemResult: "QC result" {
        Pass = "PASS" as "Pass",
        Fail = "FAIL" as "Fail",
        NotApplicable = "NOT_APPLICABLE" as "Not applicable",
    }
}

/// One item of a checklist as it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemState {
    pub number: i32,
    pub required: bool,
    pub item_type: QcItemType,
    /// A measurement's spec; `None` for the other types.
    pub spec: Option<Spec>,
    pub photo_required: bool,
    pub photos: usize,
    /// Whether a document (a test printout, a record) must be attached,
    /// and how many are.
    pub document_required: bool,
    pub documents: usize,
    pub result: Option<ItemResult>,
    pub reading: Option<Reading>,
    /// The defect a failure opened, if one was.
    pub defect: Option<DefectStatus>,
}

/// What an item still lacks before sign-off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lack {
    Result,
    Reading,
    Photo,
    Document,
}

impl Lack {
    /// In words, after "item 6: ".
    pub fn describe(self) -> &'static str {
        match self {
            Self::Result => "its result",
            Self::Reading => "its measured value",
            Self::Photo => "a photo",
            Self::Document => "an attached document",
        }
    }
}

impl ItemState {
    /// What the item still lacks before sign-off: a required item its
    /// result; a checked item its reading (a measurement), its photo or
    /// its document (when one is asked for). An item marked not applicable
    /// lacks nothing, nor does an optional item left unchecked.
    pub fn lacks(&self) -> Option<Lack> {
        match self.result {
            None => self.required.then_some(Lack::Result),
            Some(ItemResult::NotApplicable) => None,
            Some(_) if self.item_type == QcItemType::Measurement && self.reading.is_none() => {
                Some(Lack::Reading)
            }
            Some(_) if self.photo_required && self.photos == 0 => Some(Lack::Photo),
            Some(_) if self.document_required && self.documents == 0 => Some(Lack::Document),
            Some(_) => None,
        }
    }
}

/// How far along a checklist is: `recorded` of `total` items have a
/// result, and the items numbered in `still_required` lack something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub recorded: usize,
    pub total: usize,
    pub still_required: Vec<i32>,
}

pub fn progress(items: &[ItemState]) -> Progress {
    Progress {
        recorded: items.iter().filter(|item| item.result.is_some()).count(),
        total: items.len(),
        still_required: lacking(items),
    }
}

/// What a checklist's items add up to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// Items still lack a result, a reading, a photo or a document.
    Incomplete {
        missing: Vec<i32>,
    },
    Passed,
    /// Items failed, and every one's defect was waived.
    PassedWithWaivers,
    /// Items failed whose defect is not waived (or that opened none).
    Failed {
        items: Vec<i32>,
    },
}

impl Outcome {
    /// The status signing the checklist off records, or `None` while it is
    /// incomplete and cannot be signed.
    pub fn signed_status(&self) -> Option<QcStatus> {
        match self {
            Self::Incomplete { .. } => None,
            Self::Passed => Some(QcStatus::Passed),
            Self::PassedWithWaivers => Some(QcStatus::Waived),
            Self::Failed { .. } => Some(QcStatus::Failed),
        }
    }
}

pub fn outcome(items: &[ItemState]) -> Outcome {
    let missing = lacking(items);
    if !missing.is_empty() {
        return Outcome::Incomplete { missing };
    }
    let failed: Vec<&ItemState> = items
        .iter()
        .filter(|item| item.result == Some(ItemResult::Fail))
        .collect();
    let standing: Vec<i32> = failed
        .iter()
        .filter(|item| item.defect != Some(DefectStatus::Waived))
        .map(|item| item.number)
        .collect();
    if !standing.is_empty() {
        Outcome::Failed { items: standing }
    } else if failed.is_empty() {
        Outcome::Passed
    } else {
        Outcome::PassedWithWaivers
    }
}

fn lacking(items: &[ItemState]) -> Vec<i32> {
    items
        .iter()
        .filter(|item| item.lacks().is_some())
        .map(|item| item.number)
        .collect()
}

/// The result to record when the inspector gives `result` (and `reading`,
/// for a measurement) for `item`, or why not, at the field to show it.
/// A measurement passes only when its reading is within tolerance; an
/// inspector may still fail one that is (a dent beside the gauge).
pub fn record_check(
    item: &ItemState,
    result: ItemResult,
    reading: Option<&Reading>,
) -> Result<ItemResult, FieldError> {
    if result == ItemResult::NotApplicable {
        if item.required {
            return Err(FieldError::new(
                "result",
                "This check is required: it cannot be marked not applicable.",
            ));
        }
        if reading.is_some() {
            return Err(FieldError::new(
                "reading",
                "A check marked not applicable takes no reading.",
            ));
        }
        return Ok(result);
    }
    let spec = match (item.item_type, &item.spec) {
        (QcItemType::Measurement, Some(spec)) => spec,
        (QcItemType::Measurement, None) => {
            return Err(FieldError::new(
                "reading",
                "This measurement has no specification to judge it by: ask an admin to correct the checklist template.",
            ));
        }
        _ if reading.is_some() => {
            return Err(FieldError::new("reading", "This check takes no reading."));
        }
        _ => return Ok(result),
    };
    let reading =
        reading.ok_or_else(|| FieldError::new("reading", "Enter the value you measured."))?;
    let judged =
        judge(spec, reading).map_err(|error| FieldError::new("reading", error.to_string()))?;
    match (result, judged) {
        (ItemResult::Pass, Judgement::Fail { off_by }) => Err(FieldError::new(
            "result",
            format!(
                "{} is outside {}, by {}: record it as a failure.",
                reading.unit.quantity(reading.value),
                spec.describe(),
                spec.unit().quantity(off_by)
            ),
        )),
        _ => Ok(result),
    }
}
