//! The production record (device history record) of each build: one page
//! per build number a regulator can read without help, printable, with
//! the lots and serials that went into the build.

mod api;
mod model;
mod page;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod record;
mod sections;

pub use api::*;
pub use model::*;
pub use page::BuildRecordPage;
