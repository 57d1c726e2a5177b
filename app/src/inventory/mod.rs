//! Inventory: the four-level catalogue, parts with their stock figures and
//! substitutes, and the stock service (ledger, allocation) and 700-series
//! numbers other features use.

mod api;
pub mod catalogue;
pub mod lots;
mod model;
mod page;
pub mod part;
#[cfg(feature = "ssr")]
pub mod part_numbers;
pub mod reorder;
#[cfg(feature = "ssr")]
pub mod search;
#[cfg(feature = "ssr")]
pub mod stock;
pub mod transfer;
#[cfg(feature = "ssr")]
pub mod vendors;

pub use api::{SearchParts, search_parts};
pub use catalogue::{CataloguePage, GroupPage};
pub use lots::LotPage;
pub use model::{PartHit, PartSearch, SearchPage};
pub use page::InventoryPage;
pub use part::{EditPartPage, NewCustomPartPage, NewPartPage, PartPage};
pub use reorder::ReorderPage;
pub use transfer::TransferPage;
