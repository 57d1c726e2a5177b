//! Orders: the filtered, paged list of orders with where each stands, and each
//! order's page with its lifecycle.

mod api;
#[cfg(feature = "ssr")]
pub mod build_state;
pub mod create;
pub mod detail;
pub mod header;
pub mod lines;
#[cfg(feature = "ssr")]
pub mod lock;
mod model;
mod page;
#[cfg(feature = "ssr")]
pub mod queries;
pub mod sinks;
#[cfg(feature = "ssr")]
mod totals;

pub use api::{ListOrders, list_orders};
pub use create::NewOrderPage;
pub use detail::OrderPage;
pub use model::{OrderFilter, OrderList, OrderRow, OrderSort};
pub use page::OrdersPage;
pub use sinks::SinkPage;
