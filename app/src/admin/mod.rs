//! Administration: user accounts, their roles, status, locks and sessions.

mod api;
#[cfg(feature = "ssr")]
mod queries;
mod users_page;

pub use api::*;
pub use users_page::UsersPage;
