//! One order: its header, sinks, status timeline, and the lifecycle moves
//! the caller's role may make.

mod api;
#[cfg(feature = "ssr")]
mod lifecycle;
mod page;
#[cfg(feature = "ssr")]
mod queries;

pub use api::*;
pub use page::OrderPage;
