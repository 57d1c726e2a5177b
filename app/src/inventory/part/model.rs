//! The part page's and the part form's wire types.

use serde::{Deserialize, Serialize};
use torvan::lots::Tracking;
use torvan::part_spec::PartDraft;
use torvan::stock::MovementKind;
use torvan::{MakeOrBuy, PartStatus, StockStatus, SubstituteType, UnitOfMeasure};

use crate::inventory::catalogue::Crumb;
use crate::inventory::lots::PartLots;

/// Everything the part page shows; numbers and dates arrive formatted,
/// codes as the domain's types (the page shows their labels).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartDetail {
    pub draft: PartDraft,
    pub status: PartStatus,
    pub unit: UnitOfMeasure,
    pub make_or_buy: MakeOrBuy,
    pub standard_cost: Option<String>,
    pub trail: Vec<Crumb>,
    pub is_custom_part: bool,
    pub vendor_name: Option<String>,
    pub on_hand: i32,
    pub allocated: i32,
    pub available: i32,
    /// None for parts that are not active (they are not stocked).
    pub stock_status: Option<StockStatus>,
    pub weight: Option<String>,
    pub average_cost: Option<String>,
    pub last_cost: Option<String>,
    pub substitutes: Vec<SubstituteLine>,
    pub substitute_for: Vec<SubstituteLine>,
    pub where_used: Vec<Usage>,
    pub movements: Vec<MovementLine>,
    pub tracking: Tracking,
    pub lots: PartLots,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubstituteLine {
    pub part_number: String,
    pub name: String,
    pub kind: SubstituteType,
    pub conversion_factor: String,
    pub available: i32,
    pub notes: Option<String>,
}

/// A BOM template or an order's BOM that lists the part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    pub kind: String,
    pub reference: String,
    pub quantity: String,
    /// The BOM's page, for an order BOM.
    pub href: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MovementLine {
    pub at: String,
    pub kind: MovementKind,
    pub on_hand_change: i32,
    pub allocated_change: i32,
    pub on_hand_after: i32,
    pub note: Option<String>,
    pub by: Option<String>,
}

/// The choices the part form offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartFormChoices {
    /// (hierarchy path, label) of every active sub-assembly.
    pub places: Vec<(String, String)>,
    /// (code, name) of every active vendor.
    pub vendors: Vec<(String, String)>,
}

/// Goods received as the form sends them (`receipt[quantity]`, …), parsed
/// by `torvan::stock_entry::Receipt::parse` and, against the part's
/// tracking, `torvan::lots::TrackedReceipt::parse`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptEntry {
    pub quantity: String,
    pub note: String,
    #[serde(default)]
    pub lot: String,
    #[serde(default)]
    pub expires_on: String,
    #[serde(default)]
    pub serials: String,
}

/// A count's correction as the form sends it (`adjustment[change]`, …),
/// parsed by `torvan::stock_entry::Adjustment::parse`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdjustmentEntry {
    pub change: String,
    pub reason: String,
    /// The lot the count corrects; empty for stock outside the lots.
    #[serde(default)]
    pub lot: String,
}

/// A substitute as the form sends it (`substitution[substitute]`, …),
/// parsed by `torvan::substitute_type::Substitution::parse`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubstitutionEntry {
    pub substitute: String,
    pub kind: String,
    pub conversion_factor: String,
    pub notes: String,
}
