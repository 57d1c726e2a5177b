//! An order's header after it was opened: promised date, priority, ship-to
//! address, contact, instructions and customer PO, edited until the order
//! ships, and the customer's addresses and contacts to pick from (also on
//! the new-order form).

mod api;
mod form;
mod model;
#[cfg(feature = "ssr")]
pub(crate) mod queries;
#[cfg(feature = "ssr")]
pub(crate) mod save;

pub use api::*;
pub use form::{HeaderForm, header_form, picked_customer_ship_to};
pub use model::ShipToChoices;
