//! Work an app server does on its own, on a timer, beside serving: each job
//! makes sure that with several servers behind a load balancer it still
//! runs once per period, not once per server.

pub mod freeze;
pub mod health;
pub mod retention;
