//! One part: its page (identification, stock, substitutes, where-used), its
//! form, and the stock and substitute changes made from the page.

mod api;
mod detail_page;
mod form_page;
mod model;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod save;
#[cfg(feature = "ssr")]
mod stock_changes;
mod stock_forms;
#[cfg(feature = "ssr")]
mod substitute_changes;
mod substitutes;

pub use api::*;
pub use detail_page::PartPage;
pub use form_page::{EditPartPage, NewCustomPartPage, NewPartPage};
pub use model::*;
