//! Inventory: parts with their stock figures and stock status, and the
//! stock service (ledger, allocation) and 700-series numbers other features use.

mod api;
mod page;
#[cfg(feature = "ssr")]
pub mod part_numbers;
#[cfg(feature = "ssr")]
mod queries;
#[cfg(feature = "ssr")]
pub mod reorder;
#[cfg(feature = "ssr")]
pub mod search;
#[cfg(feature = "ssr")]
pub mod stock;

pub use api::{PartStock, list_part_stock};
pub use page::InventoryPage;
