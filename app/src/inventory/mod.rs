//! Inventory: parts with their stock figures and stock status, and the
//! stock service (ledger, allocation) and 700-series numbers other features use.

mod api;
mod page;
#[cfg(feature = "ssr")]
pub mod part_numbers;
#[cfg(feature = "ssr")]
pub mod reorder;
#[cfg(feature = "ssr")]
pub mod search;
#[cfg(feature = "ssr")]
pub mod stock;

pub use api::{PartHit, PartSearch, SearchPage, SearchParts, search_parts};
pub use page::InventoryPage;
