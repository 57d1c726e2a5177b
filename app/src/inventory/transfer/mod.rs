//! The parts catalogue as a CSV file: exported with each part's place in the
//! hierarchy, imported after every row is checked, all or nothing.

mod api;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod import;
mod model;
mod page;

pub use api::*;
pub use model::*;
pub use page::TransferPage;
