//! The shop floor's tasks: generated per build from its family's route when
//! an order enters production, then moved across the boards, timed, and
//! fed their materials. `model` is what crosses the wire, `api` the server
//! functions, `queries` the reads, `detail_page` the task's own page.

#[cfg(feature = "ssr")]
pub mod access;
mod api;
#[cfg(feature = "ssr")]
pub mod assign;
pub mod board;
#[cfg(feature = "ssr")]
pub mod demo;
mod detail_page;
#[cfg(feature = "ssr")]
pub mod generate;
pub mod materials;
mod model;
#[cfg(feature = "ssr")]
pub mod moves;
#[cfg(feature = "ssr")]
mod queries;
#[cfg(feature = "ssr")]
pub mod rework;
mod time;

pub use api::*;
pub use detail_page::TaskPage;
pub use model::*;
pub use time::*;
