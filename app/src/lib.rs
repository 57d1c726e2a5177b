//! TORVAN pages, components and server functions, one folder per feature.
//! Server-only code (queries, request context) sits behind the `ssr` feature.

pub mod admin;
pub mod audit;
pub mod auth;
pub mod bom_templates;
pub mod boms;
pub mod builds;
pub mod customers;
pub mod dashboard;
#[cfg(feature = "ssr")]
pub mod db;
pub mod documents;
pub mod error;
pub mod inventory;
pub mod limit_hint;
pub mod live;
pub mod money;
#[cfg(feature = "ssr")]
pub mod objects;
pub mod offline;
pub mod orders;
pub mod qc_templates;
pub mod quality;
pub mod retention;
pub mod routes;
pub mod scan;
pub mod shell;
pub mod signatures;
#[cfg(feature = "ssr")]
pub mod state;
pub mod tasks;
pub mod work_routes;

pub use shell::{App, shell};
