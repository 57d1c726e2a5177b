//! BOM templates for administrators: the list per family, and an editor
//! whose formulas, conditions and patterns are checked as they are typed,
//! with a preview against a configuration that saves nothing.
//!
//! `model` holds what crosses the wire, `api` the server functions (each
//! opens the one connection or transaction and commits it), `queries` the
//! reads, `save` and `duplicate` the writes in the caller's transaction.
//! The editor's checks are the domain's (`torvan::bom::check_template`), so
//! the browser and the server refuse the same things at the same fields.

mod api;
#[cfg(feature = "ssr")]
mod duplicate;
mod editor;
mod list_page;
mod model;
#[cfg(feature = "ssr")]
mod preview;
#[cfg(feature = "ssr")]
pub(crate) mod queries;
#[cfg(feature = "ssr")]
mod save;

pub use api::*;
pub use editor::TemplatePage;
pub use list_page::TemplatesPage;
pub use model::*;
