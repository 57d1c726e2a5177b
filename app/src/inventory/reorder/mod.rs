//! The reorder report: what to buy, from whom, and how many.

mod api;
mod model;
mod page;
#[cfg(feature = "ssr")]
mod report;

pub use api::*;
pub use model::*;
pub use page::ReorderPage;
#[cfg(feature = "ssr")]
pub use report::{ReorderLine, report, to_csv};
