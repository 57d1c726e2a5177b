//! Routes: each sink family's shop-floor steps, versioned. A saved route is
//! never changed: saving writes the next version, the family's highest is
//! the one in force, and the tasks already generated keep naming the steps
//! they came from.
//!
//! `model` holds what crosses the wire, `api` the server functions (each
//! opens the one connection or transaction and commits it), `queries` the
//! reads, `save` the write and `preview` the plan for one build, both in
//! the caller's connection. The editor's checks are the domain's
//! (`torvan::workflow::route::check_route`), so the browser and the server
//! refuse the same things at the same fields.

mod api;
mod editor;
mod list_page;
mod model;
#[cfg(feature = "ssr")]
mod preview;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
mod save;

pub use api::*;
pub use editor::RoutePage;
pub(crate) use editor::Variables;
pub use list_page::RoutesPage;
pub use model::*;
