//! The TORVAN host: configuration, database, demo data, file storage and the
//! HTTP server around the Leptos app.

pub mod audit_verify;
pub mod backup;
pub mod cli;
pub mod config;
pub mod create_admin;
pub mod db;
mod error;
pub mod http;
pub mod jobs;
pub mod live;
pub mod permissions;
pub mod roles;
pub mod seed;
pub mod serve;
pub mod storage;
pub mod telemetry;

pub use error::ServerError;
