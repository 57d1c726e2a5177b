//! Customers: the list, the company with its addresses and contacts, and
//! the numbers orders are filed under.

mod api;
mod detail;
mod list_page;
mod model;
#[cfg(feature = "ssr")]
mod queries;
#[cfg(feature = "ssr")]
mod save;

pub use api::*;
pub use detail::{CustomerPage, NewCustomerPage};
pub use list_page::CustomersPage;
pub use model::*;
