//! A task's materials through the stock ledger: the bench (or a store
//! person) issues a line's parts from the unit's bill of materials a few at
//! a time, records what it consumed, and returns the rest. Every issue and
//! return is a ledger movement under the BOM's reference (`BOM`/<bom id>),
//! so the BOM's standing, its all-at-once issue and the ship gate count
//! them; the movement's note names the task. The line's totals change in the
//! same transaction as the ledger, with the line locked, so two issues of
//! one line queue and the second sees the first.

mod api;
mod model;
#[cfg(feature = "ssr")]
mod queries;
mod table;
#[cfg(feature = "ssr")]
mod writes;

pub use api::*;
pub use model::*;
pub use table::MaterialsTable;
