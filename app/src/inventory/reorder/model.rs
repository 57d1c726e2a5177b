//! The reorder page's wire types.

use serde::{Deserialize, Serialize};

/// The report as the page shows it; costs arrive formatted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReorderView {
    pub lines: Vec<ReorderRow>,
    /// (code, name) of every vendor, for the filter.
    pub vendors: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReorderRow {
    pub part_number: String,
    pub name: String,
    pub vendor: String,
    pub vendor_part_number: String,
    pub available: i32,
    pub reorder_point: i32,
    pub suggested: i32,
    pub unit_cost: String,
}
