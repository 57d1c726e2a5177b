//! Orders: the list of recent orders with where each stands.

mod api;
mod page;
#[cfg(feature = "ssr")]
mod queries;

pub use api::{OrderRow, list_recent_orders};
pub use page::OrdersPage;
