//! What the QC pages receive. Compiled for both targets: no SQL here.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use torvan::quality::{
    DefectStatus, ItemResult, QcItemType, QcPhase, QcStatus, Reading, Severity, Spec,
};
use torvan::{BuildNumber, OrderNumber};
use uuid::Uuid;

use crate::signatures::ShownSignature;

/// The longest comment an inspector leaves on an item.
pub const COMMENT_LIMIT: usize = 2_000;

/// What a capture recorded: the item's result, and the checklist's row
/// version after it, which the page signs from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recorded {
    pub result: ItemResult,
    pub row_version: i32,
}

/// One build's checklist for one phase, as the capture screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChecklistView {
    pub id: Uuid,
    pub build_number: BuildNumber,
    pub order_number: OrderNumber,
    pub family: String,
    pub phase: QcPhase,
    pub status: QcStatus,
    /// 1, then one more for each re-inspection after rework.
    pub round: i32,
    /// Raised by every change: a sign-off names the version it signs.
    pub row_version: i32,
    pub template_version: String,
    pub inspector: Option<String>,
    pub review_required: bool,
    /// Who reviewed the sign-off and when.
    pub reviewed: Option<(String, DateTime<Utc>)>,
    pub notes: Option<String>,
    pub items: Vec<ItemView>,
    pub signatures: Vec<ShownSignature>,
}

impl ChecklistView {
    /// Results can still be recorded.
    pub fn is_open(&self) -> bool {
        self.status.is_open()
    }
}

/// One item of a checklist with its latest result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemView {
    pub id: Uuid,
    pub number: i32,
    pub category: String,
    pub description: String,
    pub item_type: QcItemType,
    pub specification: Option<String>,
    pub spec: Option<Spec>,
    pub procedure: Option<String>,
    pub tools: Vec<String>,
    pub required: bool,
    pub photo_required: bool,
    pub document_required: bool,
    /// The round the item was last opened in: items that passed in an
    /// earlier round are not inspected again.
    pub round: i32,
    pub result: Option<ItemResult>,
    pub reading: Option<Reading>,
    pub comment: Option<String>,
    /// "Sam Ortiz, 2026-12-01 10:02 UTC"
    pub recorded: Option<String>,
    pub photos: Vec<crate::quality::photos::PhotoSummary>,
}

impl ItemView {
    /// The tolerance in words, or the written specification.
    pub fn tolerance_text(&self) -> Option<String> {
        self.spec
            .map(|spec| spec.describe())
            .or(self.specification.clone())
    }

    /// The reading with its unit, when one was recorded.
    pub fn measured_text(&self) -> Option<String> {
        self.reading
            .map(|reading| reading.unit.quantity(reading.value.normalize()))
    }
}

/// A defect as the checklist and the order show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DefectView {
    pub id: Uuid,
    pub number: String,
    pub item_id: Uuid,
    pub item_number: i32,
    pub item_description: String,
    pub severity: Severity,
    pub status: DefectStatus,
    pub category: String,
    pub location: String,
    pub description: String,
    pub root_cause: String,
    pub corrective_action: String,
    pub preventive_action: String,
    pub resolution_notes: String,
    pub waiver_reason: Option<String>,
    pub version: i32,
    pub photos: Vec<crate::quality::photos::PhotoSummary>,
}

/// The editable fields of a defect, as its form sends them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DefectFields {
    pub severity: String,
    pub category: String,
    pub location: String,
    pub description: String,
    pub root_cause: String,
    pub corrective_action: String,
    pub preventive_action: String,
    pub resolution_notes: String,
}

/// A line of the checklists list: one build's checklist for a phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistLine {
    pub build_number: BuildNumber,
    pub order_number: OrderNumber,
    pub family: String,
    pub phase: QcPhase,
    pub status: QcStatus,
    pub round: i32,
    pub inspector: Option<String>,
    pub recorded: i64,
    pub total: i64,
    pub open_defects: i64,
}

/// A build's QC as the order page shows it: one entry per phase reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuildQc {
    pub build_number: BuildNumber,
    pub phase: QcPhase,
    pub status: QcStatus,
    pub round: i32,
    pub reviewed: bool,
    pub review_required: bool,
    pub open_defects: i64,
    /// A critical defect still open holds the build.
    pub held: bool,
}
