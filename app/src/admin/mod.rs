//! Administration: user accounts, their roles, status, locks and sessions.

mod api;
#[cfg(feature = "ssr")]
mod change;
#[cfg(feature = "ssr")]
mod create;
mod model;
#[cfg(feature = "ssr")]
mod queries;
mod users_page;

pub use api::*;
pub use model::*;
pub use users_page::UsersPage;
