//! Line items of service and warranty orders: catalogue parts with
//! quantities, prices and discounts; the database computes the amounts.

mod api;
mod model;
#[cfg(feature = "ssr")]
pub(crate) mod queries;
#[cfg(feature = "ssr")]
mod save;
mod section;

pub use api::*;
pub use model::{LineItemRow, OrderLines};
pub use section::LineItems;
