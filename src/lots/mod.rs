//! Lots and serial numbers (issue #17): what a receipt of a tracked part
//! must name, and which lots an issue takes from. A lot-controlled part's
//! receipt names the supplier's lot; a serial-controlled part's names one
//! serial number per unit, each once. An issue takes the lot that expires
//! first, then the one received first, so stock is used before it spoils
//! and in the order it came. Pure rules: the database keeps serials unique
//! per part across receipts, these keep one receipt whole.

mod choice;
mod identifier;
mod picking;
mod problem;
mod receipt;
#[cfg(test)]
mod tests;

pub use choice::IssueChoice;
pub use identifier::{
    LOT_NUMBER_LIMIT, LotNumber, SERIAL_NUMBER_LIMIT, SerialNumber, parse_serials,
};
pub use picking::{LotStock, Picking, pick_lots, pick_tracked};
pub use problem::LotProblem;
pub use receipt::{TrackedReceipt, Tracking};
