//! What the BOM pages receive: a configuration's versions, one version's
//! lines as a tree with their stock, the changes between two versions, and
//! what approval could not allocate. Compiled for both targets, so these
//! types hold no SQL and the pages and the server read the same shapes.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use torvan::bom::BomStatus;
use torvan::{BuildNumber, OrderNumber};
use uuid::Uuid;

use crate::signatures::ShownSignature;

/// One version in the list of a configuration's BOMs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BomVersion {
    pub id: Uuid,
    pub version: i32,
    pub status: BomStatus,
    pub created_at: DateTime<Utc>,
    pub created_by: String,
    pub approved: Option<(String, DateTime<Utc>)>,
    pub parts_count: i32,
    pub total_cost: Decimal,
}

/// A line as the tree shows it, in depth-first order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BomRow {
    pub line_number: i32,
    pub depth: u8,
    pub has_children: bool,
    pub part_number: Option<String>,
    pub name: String,
    pub quantity_per_assembly: Decimal,
    pub total_quantity: Decimal,
    pub unit_cost: Decimal,
    /// A leaf's extended cost; an assembly's, its children's.
    pub cost: Decimal,
    pub weight: Decimal,
    pub phantom: bool,
    pub explanation: String,
    pub stock: Option<LineStock>,
    /// An assembly's lines below it that are short (0 for a leaf).
    pub short_lines: u32,
    /// The route step that consumes the line, when its template line names one.
    pub route_step: Option<String>,
}

/// Whether the shelf can cover a leaf line, and what could stand in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineStock {
    pub needed: i32,
    pub available: i32,
    pub substitutes: Vec<Substitute>,
}

impl LineStock {
    pub fn short_by(&self) -> i32 {
        (self.needed - self.available).max(0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Substitute {
    pub part_number: String,
    pub name: String,
    pub available: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BomDetail {
    pub id: Uuid,
    pub version: i32,
    pub status: BomStatus,
    pub generated_by: String,
    pub parts_count: i32,
    pub total_cost: Decimal,
    pub total_weight: Decimal,
    pub rows: Vec<BomRow>,
    /// The parts the version is short of, once each.
    pub shortages: Vec<PartShortage>,
    /// The stock ledger's rows for this version, oldest first.
    pub movements: Vec<BomMovement>,
    /// The version's signatures, each against what it says now.
    pub signatures: Vec<ShownSignature>,
    /// Why the viewer may not approve this pending version: they generated
    /// it (separation of duties).
    pub approval_refused: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BomMovement {
    pub at: DateTime<Utc>,
    pub kind: torvan::stock::MovementKind,
    pub part_number: String,
    pub allocated_change: i32,
    pub on_hand_change: i32,
    pub by: Option<String>,
}

/// A part a version is short of: before approval, what the shelf cannot
/// cover; after, what is neither held for the version nor issued to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartShortage {
    pub part_number: String,
    pub name: String,
    pub needed: i32,
    pub short_by: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BomPageData {
    pub order_number: OrderNumber,
    pub build_number: BuildNumber,
    pub family: String,
    /// Why nothing on the page may change, once the order has shipped.
    pub frozen: Option<String>,
    pub versions: Vec<BomVersion>,
    pub shown: Option<BomDetail>,
    /// From the version asked to compare with, to the shown one.
    pub changes: Option<VersionChanges>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

impl ChangeKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Added => "Added",
            Self::Removed => "Removed",
            Self::Changed => "Changed",
        }
    }
}

/// One difference between two versions; quantities are total quantities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeRow {
    pub kind: ChangeKind,
    pub item: String,
    pub old_quantity: Option<Decimal>,
    pub new_quantity: Option<Decimal>,
    pub old_unit_cost: Option<Decimal>,
    pub new_unit_cost: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionChanges {
    pub from: i32,
    pub to: i32,
    pub rows: Vec<ChangeRow>,
}

/// A part approval could not fully allocate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shortage {
    pub part_number: String,
    pub requested: i32,
    pub available: i32,
}

impl std::fmt::Display for Shortage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} needs {}, {} available",
            self.part_number, self.requested, self.available
        )
    }
}
