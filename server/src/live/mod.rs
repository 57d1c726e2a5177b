//! The live channel of the shop-floor boards: each app server listens to
//! PostgreSQL for task changes (`hub`) and streams them to its signed-in
//! boards as server-sent events (`stream`). Several app servers behind a
//! load balancer agree because none keeps state of its own: every one
//! hears every commit from the database, whichever server made it.

mod hub;
mod stream;

pub use hub::{CHANNEL, Hub, News};
pub use stream::tasks;
