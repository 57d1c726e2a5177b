//! The audit trail. Row changes are written by the database's audit
//! triggers; what is no row change (a session starting or ending, an
//! export) is written here.

#[cfg(feature = "ssr")]
pub mod event;
