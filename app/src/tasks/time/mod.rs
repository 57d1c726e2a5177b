//! Time on tasks: a person's timer (one running at a time; starting
//! another pauses the first, a resume is a new entry), manual entries
//! checked by the domain against the person's other entries, and actual
//! time against the estimate on the task page and per unit on the order
//! page. Every write locks the person's user row first, so two screens of
//! one person never interleave: the timer and overlap rules see the
//! entries the other save left, and the unique index on running entries
//! is only the last line of defence.

#[cfg(feature = "ssr")]
mod access;
mod api;
mod components;
mod model;
#[cfg(feature = "ssr")]
mod queries;
#[cfg(feature = "ssr")]
mod writes;

pub use api::*;
pub use components::{OrderProduction, TaskTime};
pub use model::*;
