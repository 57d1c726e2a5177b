//! The shop floor's boards: a work center's (the shop's main screen), an
//! order's (every unit's tasks) and "my tasks", in the four columns of
//! `TaskStatus::COLUMNS`. A card moves by drag (pointer events: mouse,
//! touch and pen alike) or by its "Move to…" menu; the server checks every
//! move with the domain's `check_move`. Each board follows the live
//! channel and refetches on every change made elsewhere.
//!
//! The WIP limit of a work center is shown on its In progress column and
//! marked when exceeded, but a move over it is not refused: the limit is a
//! signal to the coordinator, and refusing a start mid-shift would strand
//! an assembler whose card is already on the bench (the issue makes the
//! limit optional; the coordinator, who sees the mark, acts on it).

mod actions;
mod api;
mod card;
mod model;
mod move_menu;
mod page;
#[cfg(feature = "ssr")]
pub(crate) mod queries;

pub use actions::TaskActions;
pub use api::*;
pub use model::*;
pub use page::{BoardsPage, MyBoardPage, OrderBoardPage, WorkCenterBoardPage};
