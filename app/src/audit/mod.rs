//! The audit trail. Row changes are written by the database's audit
//! triggers; what is no row change (a session starting or ending, an
//! export) is written by `event`. The viewer reads the trail for the roles
//! that audit (admin and QC), narrowed by table and record, user, action and
//! days, paged newest first by key, and exports it as CSV (an export that is
//! itself recorded in the trail).

mod api;
#[cfg(feature = "ssr")]
pub mod event;
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
