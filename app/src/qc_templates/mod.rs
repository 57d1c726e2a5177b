//! QC checklist templates: each sink family's pre-QC and final-QC checks,
//! versioned. A saved template is never changed: saving writes the next
//! version, the highest for the family and phase is the one in force, and
//! the checklists already made keep the items they were made with.
//!
//! `model` holds what crosses the wire, `api` the server functions (each
//! opens the one connection or transaction and commits it), `queries` the
//! reads, `save` the write and `preview` the checklist one build would get,
//! both in the caller's connection. The editor's checks are the domain's
//! (`torvan::quality::check_template`), so the browser and the server
//! refuse the same things at the same fields.

mod api;
mod editor;
mod list_page;
mod model;
#[cfg(feature = "ssr")]
mod preview;
#[cfg(feature = "ssr")]
mod queries;
#[cfg(feature = "ssr")]
mod save;

pub use api::*;
pub use editor::QcTemplatePage;
pub use list_page::QcTemplatesPage;
pub use model::*;
