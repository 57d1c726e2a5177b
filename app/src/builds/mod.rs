//! The production record (device history record) of each build: one page
//! per build number a regulator can read without help, printable, with
//! the lots and serials that went into the build; frozen as a stored PDF
//! when the order ships, and corrected after that only as a new, signed
//! revision.

mod api;
#[cfg(feature = "ssr")]
pub mod freeze;
mod model;
mod page;
#[cfg(feature = "ssr")]
pub mod pdf;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod record;
mod revisions;
mod sections;

pub use api::*;
pub use model::*;
pub use page::BuildRecordPage;
