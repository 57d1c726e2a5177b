//! What the materials table receives. Compiled for both targets: no SQL.

use serde::{Deserialize, Serialize};
use torvan::UnitOfMeasure;
use torvan::workflow::{MaterialAction, MaterialLine};

/// One part the task consumes and its totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaterialRow {
    pub part_number: String,
    pub name: String,
    pub unit: UnitOfMeasure,
    pub line: MaterialLine,
    /// The part's lots with stock, for the issue's choice.
    pub lots: Vec<LotOption>,
    /// What of the part's lots the build holds (`Lot L-1 × 2`).
    pub taken: Vec<String>,
    pub serial_controlled: bool,
}

/// A lot an issue may take from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LotOption {
    pub lot_number: String,
    pub expires_on: Option<String>,
    pub on_hand: i32,
}

/// The lot and serial numbers an issue names, as typed; empty for the
/// suggestion (first-expiring lot, first-received serials).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueEntry {
    pub lot: String,
    pub serials: String,
}

/// The task's lines and what the reader may do to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskMaterials {
    pub lines: Vec<MaterialRow>,
    pub may: Vec<MaterialAction>,
}
