//! Administration: user accounts, their roles, status, locks and sessions;
//! the state of the audit chain and of the database.

mod api;
mod chain_panel;
#[cfg(feature = "ssr")]
mod change;
#[cfg(feature = "ssr")]
mod create;
mod health_panel;
mod model;
#[cfg(feature = "ssr")]
mod queries;
mod signature_policy_panel;
mod users_page;

pub use api::*;
pub use model::*;
pub use users_page::UsersPage;
