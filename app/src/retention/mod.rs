//! Data retention (issue #17): the job that applies
//! `system.data_retention_policies` (`run`), and its policies and runs on
//! the admin screen (`panel`).

mod api;
mod model;
mod panel;
#[cfg(feature = "ssr")]
mod queries;
#[cfg(feature = "ssr")]
pub mod run;

pub use api::*;
pub use model::*;
pub use panel::RetentionPanel;
