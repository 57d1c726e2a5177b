//! Routes: each sink family's shop-floor steps, versioned. A saved route is
//! never changed: saving writes the next version, the family's highest is
//! the one in force, and the tasks already generated keep naming the steps
//! they came from.

#[cfg(feature = "ssr")]
pub mod queries;
