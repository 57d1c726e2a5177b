//! Inventory: parts with their stock figures and stock status.

mod api;
mod page;
#[cfg(feature = "ssr")]
mod queries;

pub use api::{PartStock, list_part_stock};
pub use page::InventoryPage;
