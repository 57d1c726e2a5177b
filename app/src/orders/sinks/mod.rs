//! Sink configurations: the wizard that configures one sink of an order step
//! by step (rules checked as the user picks, the price alongside), and the
//! order page's list of its sinks.

mod api;
#[cfg(feature = "ssr")]
pub(crate) mod columns;
mod draft;
mod fields;
mod model;
mod order_sinks;
mod page;
mod price_panel;
#[cfg(feature = "ssr")]
pub(crate) mod queries;
pub(crate) mod review;
#[cfg(feature = "ssr")]
mod save;
#[cfg(feature = "ssr")]
pub(crate) mod signed;
mod steps;
mod wizard;

pub use api::*;
pub use model::{Saved, SinkWizard, Stamp};
pub use order_sinks::OrderSinks;
pub use page::SinkPage;
