//! One order: its header, sinks, status timeline, and the lifecycle moves
//! the caller's role may make.

mod api;
#[cfg(feature = "ssr")]
mod lifecycle;
mod model;
mod page;
#[cfg(feature = "ssr")]
mod queries;

pub use api::*;
pub use model::{BuildShortage, OfferedMove, OrderDetail, SinkLine, StatusChange};
pub use page::OrderPage;
