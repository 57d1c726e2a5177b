//! One order: its header, sinks, status timeline, and the lifecycle moves
//! the caller's role may make; those that release product are signed.

mod api;
#[cfg(feature = "ssr")]
mod lifecycle;
mod model;
mod page;
#[cfg(feature = "ssr")]
pub(crate) mod queries;
#[cfg(feature = "ssr")]
mod signed;

pub use api::*;
pub use model::{BuildShortage, OfferedMove, OrderDetail, SinkLine, StatusChange};
pub use page::OrderPage;
