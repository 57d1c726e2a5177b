//! The reorder report: what to buy, from whom, and how many.

mod api;
mod page;
#[cfg(feature = "ssr")]
mod report;

pub use api::*;
pub use page::ReorderPage;
#[cfg(feature = "ssr")]
pub use report::{ReorderLine, report, to_csv};
