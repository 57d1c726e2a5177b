//! The landing page: where orders stand and which parts need reordering.

mod api;
mod page;
#[cfg(feature = "ssr")]
mod queries;

pub use api::{DashboardSummary, StatusCount, StockAlert, load_dashboard};
pub use page::DashboardPage;
