//! Line items as the order page shows them; money arrives formatted.

use serde::{Deserialize, Serialize};

/// One line as the order page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineItemRow {
    pub line_number: i32,
    pub part_number: String,
    pub description: String,
    pub quantity: i32,
    pub unit_price: String,
    pub discount_percent: String,
    pub net_amount: String,
}

/// The order's lines and, while they may change, the parts to pick from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLines {
    pub lines: Vec<LineItemRow>,
    pub total: String,
    /// Service parts as (part number, name); empty once the lines are fixed.
    pub parts: Vec<(String, String)>,
}
