//! The lot page's wire types and the lots and serials the part page lists.
//! Dates arrive formatted; codes as the domain's types.

use serde::{Deserialize, Serialize};
use torvan::stock::MovementKind;
use uuid::Uuid;

/// A lot of a part with stock, on the part page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LotLine {
    pub id: Uuid,
    pub lot_number: String,
    pub expires_on: Option<String>,
    pub on_hand: i32,
    pub received: String,
}

/// A serial number of a part on the shelf.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SerialLine {
    pub serial_number: String,
    pub lot_number: Option<String>,
    pub received: String,
}

/// A part's lots with stock and serials on the shelf (the first of each).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartLots {
    pub lots: Vec<LotLine>,
    pub serials: Vec<SerialLine>,
    pub serials_on_shelf: i64,
    /// Stock outside any lot: received before lots were recorded.
    pub outside_lots: i32,
}

/// One lot: what it is, where it went, and its ledger rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LotDetail {
    pub id: Uuid,
    pub part_number: String,
    pub part_name: String,
    pub lot_number: String,
    pub expires_on: Option<String>,
    pub received: String,
    pub on_hand: i32,
    pub uses: Vec<LotUse>,
    pub movements: Vec<LotMovement>,
    pub serials: Vec<SerialLine>,
}

/// A build the lot went into: what a recall coordinator calls about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LotUse {
    pub build_number: String,
    pub order_number: String,
    pub customer: String,
    /// Net of returns; for an issue from the BOM's page, what the whole
    /// configuration took.
    pub quantity: i32,
    pub issued: String,
    pub shipped_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LotMovement {
    pub at: String,
    pub kind: MovementKind,
    pub change: i32,
    pub build_number: Option<String>,
    pub note: Option<String>,
    pub by: Option<String>,
}
