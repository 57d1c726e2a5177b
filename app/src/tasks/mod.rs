//! The shop floor's tasks: generated per build from its family's route when
//! an order enters production, then moved across the boards, timed, and
//! fed their materials.

#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod generate;
