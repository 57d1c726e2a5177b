//! Dynamic BOMs: generated from the family's templates when a sink
//! configuration is approved (or on request), versioned, approved with
//! their stock allocated, and shown as a tree with costs, stock and where
//! each line came from.
//!
//! `model` holds what crosses the wire, `api` the server functions (each
//! opens the one connection or transaction and commits it), `queries` the
//! page's reads, and `approve`, `stock`, `regenerate`, `generate` and
//! `store` the writes, which take the caller's connection so they compose:
//! a sink's approval generates a BOM, the demo seed approves and issues them.

mod actions;
mod address;
mod api;
#[cfg(feature = "ssr")]
mod approve;
mod changes;
#[cfg(feature = "ssr")]
mod compare;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod generate;
mod model;
mod page;
mod print;
#[cfg(feature = "ssr")]
pub(crate) mod queries;
#[cfg(feature = "ssr")]
mod regenerate;
#[cfg(feature = "ssr")]
mod shortages;
#[cfg(feature = "ssr")]
mod signed;
#[cfg(feature = "ssr")]
pub(crate) mod stock;
#[cfg(feature = "ssr")]
mod store;
#[cfg(feature = "ssr")]
pub(crate) mod templates;
pub(crate) mod tree;

pub use api::*;
pub use model::*;
pub use page::BomPage;
pub use print::BomPrintPage;
