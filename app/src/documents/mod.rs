//! Documents attached to the records they belong to: a part's drawings and
//! certificates, an order's documents, a build's passivation record. Each
//! upload is stored in S3 (the host's `POST /files/documents`) and is a
//! version: the same title on the same record makes the next version, and
//! no version is overwritten. A document may be restricted to some roles;
//! every view, download and refusal is written to the access log, which
//! those who read the audit trail see beside it.

mod api;
mod model;
mod panel;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod save;

pub use api::*;
pub use model::*;
pub use panel::DocumentsPanel;
