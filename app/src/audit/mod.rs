//! The audit viewer: the trail of every change, read by the roles that
//! audit (admin and QC), narrowed by table and record, user, action and
//! days, paged newest first by key, and exported as CSV (an export that is
//! itself recorded in the trail).

mod api;
#[cfg(feature = "ssr")]
pub mod export;
mod history_link;
mod model;
mod page;
#[cfg(feature = "ssr")]
pub mod queries;

pub use api::*;
pub use history_link::HistoryLink;
pub use model::*;
pub use page::AuditPage;
