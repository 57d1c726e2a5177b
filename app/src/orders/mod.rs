//! Orders: the list of recent orders with where each stands, and each
//! order's page with its lifecycle.

mod api;
pub mod create;
pub mod detail;
mod page;
#[cfg(feature = "ssr")]
mod queries;

pub use api::{OrderRow, list_recent_orders};
pub use create::NewOrderPage;
pub use detail::OrderPage;
pub use page::OrdersPage;
