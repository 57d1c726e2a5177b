//! The landing page: where orders stand and which parts need reordering.

mod api;
mod model;
mod page;
#[cfg(feature = "ssr")]
mod queries;

pub use api::{LoadDashboard, load_dashboard};
pub use model::{DashboardSummary, StatusCount, StockAlert};
pub use page::DashboardPage;
