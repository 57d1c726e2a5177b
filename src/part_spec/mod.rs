//! A part as a user types it (the part form, a CSV row) and as the catalogue
//! stores it. One validation serves both, so a form and an import refuse the
//! same things with the same messages.

mod draft;
mod fields;
mod file;
mod hierarchy;
mod part_type;
#[cfg(test)]
mod tests;
mod validate;

pub use draft::{COLUMNS, PartDraft};
pub use file::{CheckedRows, LineError, REQUIRED, check_rows};
pub use hierarchy::HierarchyPath;
pub use part_type::part_type_label;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::{MakeOrBuy, PartNumber, PartStatus, UnitOfMeasure};

/// The most characters each text field of a part holds: the column
/// lengths of `inventory.parts`, and for the description (a `TEXT`
/// column) a page of text. The form says each limit at its field and the
/// validation refuses longer text, so nothing is cut silently.
pub fn text_limit(field: &str) -> Option<usize> {
    match field {
        "name" => Some(255),
        "description" => Some(2_000),
        "part_type" | "vendor_code" => Some(50),
        "part_number"
        | "replacement_part_number"
        | "vendor_part_number"
        | "material"
        | "finish" => Some(100),
        _ => None,
    }
}

/// A validated part's catalogue data. Stock quantities are not part of it:
/// they only change through the stock ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartSpec {
    pub part_number: PartNumber,
    pub name: String,
    pub description: Option<String>,
    pub hierarchy: Option<HierarchyPath>,
    pub part_type: Option<String>,
    pub unit_of_measure: UnitOfMeasure,
    pub make_or_buy: MakeOrBuy,
    pub status: PartStatus,
    pub replacement_part_number: Option<PartNumber>,
    pub reorder_point: i32,
    pub reorder_quantity: i32,
    pub safety_stock: i32,
    pub minimum_order_quantity: i32,
    pub order_multiple: i32,
    pub lead_time_days: i32,
    pub standard_cost: Option<Decimal>,
    pub vendor_code: Option<String>,
    pub vendor_part_number: Option<String>,
    pub material: Option<String>,
    pub finish: Option<String>,
    pub lot_control: bool,
    pub serial_control: bool,
}
