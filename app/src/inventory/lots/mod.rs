//! Lots and serial numbers (issue #17): what a receipt records of them,
//! which lots and serials an issue takes and a return gives back, the lot
//! page and the genealogy a recall reads. Every movement goes through the
//! stock service, which keeps each lot's quantity with its ledger rows.

mod api;
mod model;
#[cfg(feature = "ssr")]
pub mod movements;
mod page;
#[cfg(feature = "ssr")]
pub mod queries;

pub use api::*;
pub use model::*;
pub use page::LotPage;
