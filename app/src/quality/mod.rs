//! Quality control on the floor: a checklist per build and phase made from
//! the family's template when the order enters pre-QC or final QC, captured
//! item by item on a tablet (measurements judged against their tolerance as
//! they are typed, by the domain's `torvan::quality::judge`), failed items
//! opening defects, and a signed sign-off that the order's QC gates read.
//! `model` is what crosses the wire, `api` the server functions, the rest
//! the reads and writes behind them and the pages.

mod api;
#[cfg(feature = "ssr")]
pub mod capture;
mod checklist_page;
#[cfg(feature = "ssr")]
pub mod defects;
mod defects_panel;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod generate;
mod item_card;
mod list_page;
mod model;
mod order_qc;
pub mod photos;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod sign;
#[cfg(feature = "ssr")]
pub mod templates;

pub use api::*;
pub use checklist_page::ChecklistPage;
pub use list_page::ChecklistsPage;
pub use model::*;
pub use order_qc::OrderQc;
