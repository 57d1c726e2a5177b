//! Data retention (issue #17): the job that applies
//! `system.data_retention_policies` (`run`), and its policies and runs on
//! the admin screen (`panel`).

mod api;
#[cfg(feature = "ssr")]
mod archive;
mod model;
mod panel;
#[cfg(feature = "ssr")]
mod queries;
#[cfg(feature = "ssr")]
mod review;
#[cfg(feature = "ssr")]
pub mod run;

pub use api::*;
pub use model::*;
pub use panel::RetentionPanel;
