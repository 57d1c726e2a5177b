//! The production record's wire types: one build (a sink unit) as a
//! regulator reads it. Dates arrive formatted; codes as the domain's types.

use serde::{Deserialize, Serialize};
use torvan::OrderStatus;
use torvan::workflow::TaskStatus;
use uuid::Uuid;

use crate::orders::detail::StatusChange;
use crate::quality::{ChecklistView, DefectView};
use crate::signatures::ShownSignature;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BuildRecord {
    pub build_number: String,
    /// This unit's place among the configuration's identical sinks.
    pub unit: i32,
    pub units: i32,
    pub order_number: String,
    pub configuration_number: String,
    pub customer: String,
    pub customer_po_number: Option<String>,
    pub order_status: OrderStatus,
    pub shipped_on: Option<String>,
    /// The unit's serial number (`torvan::unit_serial`); none while the
    /// serial plate of an order numbered by plates is not recorded.
    pub serial_number: Option<String>,
    pub unit_serials: torvan::unit_serial::SerialScheme,
    /// Whether the reader may record the unit's serial plate now: the order
    /// is numbered by plates and has not shipped, and the role may.
    pub may_record_plate: bool,
    pub configuration: ConfigurationRecord,
    pub bom: Option<BomRecord>,
    pub materials: Vec<IssuedMaterial>,
    pub tasks: Vec<TaskRecord>,
    pub checklists: Vec<QcRecord>,
    pub timeline: Vec<StatusChange>,
    pub order_signatures: Vec<ShownSignature>,
    /// The documents filed on the build, each at its latest version.
    pub documents: Vec<crate::documents::DocumentView>,
    pub audit: AuditRecord,
    /// Whether the reader may open the QC pages and photos the record
    /// names (a role that reads documents but not QC sees them unlinked).
    pub may_open_qc: bool,
}

/// The configuration as approved: in words, who approved it, its
/// signatures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigurationRecord {
    pub family: String,
    pub lines: Vec<(String, String)>,
    pub validated: Option<String>,
    pub approved: Option<String>,
    pub signatures: Vec<ShownSignature>,
}

/// The BOM version the build was made to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BomRecord {
    pub version: i32,
    pub status: String,
    pub approved: Option<String>,
    pub signatures: Vec<ShownSignature>,
    pub lines: Vec<BomRecordLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BomRecordLine {
    pub line_number: i32,
    pub depth: u8,
    pub part_number: Option<String>,
    pub name: String,
    pub quantity: String,
}

/// Stock issued to the build, net of returns, with its lot and serials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedMaterial {
    pub part_number: String,
    pub name: String,
    pub lot: Option<(Uuid, String)>,
    pub serials: Vec<String>,
    pub quantity: i32,
    pub issued: String,
    pub by: Option<String>,
    /// The task that took it, or none for an issue of the whole BOM.
    pub task: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskRecord {
    pub number: String,
    pub title: String,
    pub work_center: String,
    pub status: TaskStatus,
    pub assignee: Option<String>,
    pub started: Option<String>,
    pub completed: Option<String>,
    pub minutes: i64,
    /// Who logged time on it.
    pub worked_by: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QcRecord {
    pub checklist: ChecklistView,
    pub defects: Vec<DefectView>,
}

/// The audit trail's rows about this build's records, each hash
/// recomputed now, and the whole chain's last verification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRecord {
    pub rows: i64,
    pub intact: i64,
    pub last_chain_verification: Option<String>,
}

impl AuditRecord {
    pub fn all_intact(&self) -> bool {
        self.rows == self.intact
    }
}

/// The frozen revisions of a build's record, oldest first, and whether the
/// record reads now as the last one does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordRevisions {
    pub revisions: Vec<RevisionView>,
    /// The SHA-256 of the record's text as it reads now.
    pub content_hash: String,
    /// Whether the reader may issue a corrected revision.
    pub may_correct: bool,
}

impl RecordRevisions {
    /// The last revision, when the record no longer reads as it does.
    pub fn changed_since(&self) -> Option<i32> {
        self.revisions
            .last()
            .filter(|last| last.content_hash != self.content_hash)
            .map(|last| last.revision)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionView {
    pub revision: i32,
    pub frozen_at: String,
    /// Who issued it; none for the freeze at shipment.
    pub by: Option<String>,
    pub reason: Option<String>,
    pub content_hash: String,
    pub file_size_bytes: i64,
    pub signatures: Vec<ShownSignature>,
}

/// The production record page: the record, and its frozen revisions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordPage {
    pub record: BuildRecord,
    pub revisions: RecordRevisions,
}

/// A finished unit's label (`/builds/:build/label`): what the crate and the
/// unit carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitLabel {
    /// None while the unit's serial plate is not recorded.
    pub serial_number: Option<String>,
    pub build_number: String,
    pub product: String,
    pub order_number: String,
    pub customer: String,
    /// The month its last production task was completed (`2026-12`).
    pub made_on: Option<String>,
    /// The unit's QR code (`torvan::label_code`), as inline SVG drawn on
    /// the server: scanned, it opens this production record.
    pub qr_svg: String,
}
