//! The demo data's records the tests lean on, named for what they are in
//! the story the seed tells (`server/seed/`), so a test says "a pending
//! order" rather than a number whose meaning lives in a SQL file.

/// Every demo user's password.
pub const PASSWORD: &str = "torvan-demo-2026";

pub mod users {
    pub const ADMIN: &str = "admin@torvan.test";
    pub const COORDINATOR: &str = "coordinator@torvan.test";
    pub const PROCUREMENT: &str = "procurement@torvan.test";
    pub const QC: &str = "qc@torvan.test";
    pub const ASSEMBLER: &str = "assembler@torvan.test";
    pub const SERVICE: &str = "service@torvan.test";
}

pub mod orders {
    /// Delivered: its records are frozen.
    pub const DELIVERED: &str = "ORD-2026-0102";
    pub const DELIVERED_BUILD: &str = "TB-2026-0102-01";
    /// Shipped and not yet delivered.
    pub const SHIPPED: &str = "ORD-2026-0103";
    /// QC complete: ready to ship, its BOM issued in full.
    pub const READY_TO_SHIP: &str = "ORD-2026-0104";
    pub const READY_TO_SHIP_BUILD: &str = "TB-2026-0104-01";
    /// In final QC.
    pub const IN_FINAL_QC: &str = "ORD-2026-0105";
    /// A rush order in final QC with a custom pegboard (710-0001).
    pub const RUSH_WITH_CUSTOM_PART: &str = "ORD-2026-0106";
    pub const RUSH_WITH_CUSTOM_PART_BUILD: &str = "TB-2026-0106-01";
    /// In production, its BOM approved with what the shelf had.
    pub const IN_PRODUCTION: &str = "ORD-2026-0110";
    /// Pending, one build, nothing approved yet.
    pub const PENDING: &str = "ORD-2026-0112";
    pub const PENDING_BUILD: &str = "TB-2026-0112-01";
    /// Another pending order with one build; tests add builds to it.
    pub const OTHER_PENDING: &str = "ORD-2026-0113";
    /// A service order: parts only, no builds.
    pub const SERVICE: &str = "ORD-2026-0114";
}
