//! Opening a new order for a customer.

mod api;
mod page;
#[cfg(feature = "ssr")]
mod queries;
#[cfg(feature = "ssr")]
mod save;

pub use api::*;
pub use page::NewOrderPage;
