//! The production record (device history record) of each build: one page
//! per build number a regulator can read without help, printable, with
//! the lots and serials that went into the build; frozen as a stored PDF
//! when the order ships, and corrected after that only as a new, signed
//! revision; each unit's serial number and label.

mod api;
#[cfg(feature = "ssr")]
pub mod freeze;
mod label_page;
mod model;
mod page;
#[cfg(feature = "ssr")]
pub mod pdf;
mod plate_form;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod record;
mod revisions;
mod sections;
#[cfg(feature = "ssr")]
mod serial;

pub use api::*;
pub use label_page::UnitLabelPage;
pub use model::*;
pub use page::BuildRecordPage;
