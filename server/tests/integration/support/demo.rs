//! The demo data's records the tests lean on, named for what they are in
//! the story the seed tells (`server/seed/`), so a test says "a pending
//! order" rather than a number whose meaning lives in a SQL file.

use sqlx::PgPool;
use uuid::Uuid;

/// Every demo user's password.
pub const PASSWORD: &str = "torvan-demo-2026";

pub mod users {
    use uuid::Uuid;

    pub const ADMIN: &str = "admin@torvan.test";
    pub const COORDINATOR: &str = "coordinator@torvan.test";
    pub const PROCUREMENT: &str = "procurement@torvan.test";
    pub const QC: &str = "qc@torvan.test";
    pub const ASSEMBLER: &str = "assembler@torvan.test";
    pub const SERVICE: &str = "service@torvan.test";

    /// The administrator's account id: who set every demo record up.
    pub const ADMIN_ID: Uuid = Uuid::from_u128(0x00000000_0000_4000_a000_000000000001);
    /// The assembler's account id.
    pub const ASSEMBLER_ID: Uuid = Uuid::from_u128(0x00000000_0000_4000_a000_000000000005);
    /// The service department's account id.
    pub const SERVICE_ID: Uuid = Uuid::from_u128(0x00000000_0000_4000_a000_000000000006);
}

pub mod customers {
    /// St. Mary's Regional Medical Center: a hospital with a billing and a
    /// shipping address, and the service order.
    pub const ST_MARYS: &str = "C-10001";
    /// Lakeside University Hospital.
    pub const LAKESIDE: &str = "C-10002";
    /// Northwind Clinical Laboratories: one address for billing and shipping.
    pub const NORTHWIND: &str = "C-10003";
    /// Cedar Valley Surgery Center.
    pub const CEDAR_VALLEY: &str = "C-10004";
    /// St. Mary's receiving dock: its default shipping address, for
    /// shipping only (a seed key: see `demo::id`).
    pub const ST_MARYS_DOCK: &str = "customer-address:C-10001:2";
}

pub mod templates {
    /// The standard template of the ESR family, version 1.0 (a seed key:
    /// see `demo::id`).
    pub const ESR: &str = "bom-template:ESR";
}

/// The id the seed gives the record with `key` (`md5('torvan-demo:' || key)`).
pub async fn id(pool: &PgPool, key: &str) -> Uuid {
    sqlx::query_scalar("SELECT md5('torvan-demo:' || $1)::uuid")
        .bind(key)
        .fetch_one(pool)
        .await
        .unwrap()
}

pub mod orders {
    /// The first order, delivered: its BOMs are the as-built record.
    pub const FIRST_DELIVERED: &str = "ORD-2026-0101";
    pub const FIRST_DELIVERED_BUILD: &str = "TB-2026-0101-01";
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

pub mod parts {
    /// A 48 in deck panel, well stocked.
    pub const DECK_PANEL: &str = "111-0001";
    /// A 60 in deck panel: out of stock.
    pub const WIDE_DECK_PANEL: &str = "111-0002";
    /// A leg tube of the fixed legs (`places::FIXED_LEGS`).
    pub const LEG_TUBE: &str = "121-0001";
    /// An adjustable foot, also under the fixed legs.
    pub const BULLET_FOOT: &str = "121-0003";
    /// A drain body: every ESR basin takes one.
    pub const DRAIN_BODY: &str = "221-0001";
    /// An infrared sensor faucet, sold on the service order.
    pub const SENSOR_FAUCET: &str = "311-0003";
    /// An infrared sensor module, a spare for the sensor faucets.
    pub const SENSOR_MODULE: &str = "421-0001";
    /// An electronic drain actuator: none on the shelf.
    pub const DRAIN_ACTUATOR: &str = "321-0002";
}

/// Places in the catalogue, as the parts file and the part form name them.
pub mod places {
    /// Fixed legs: a sub-assembly of the legs and support assembly.
    pub const FIXED_LEGS: &str = "FRAMES > ASM-120 > SUB-121";
    /// Custom pegboards: the 710 series of custom parts.
    pub const CUSTOM_PEGBOARDS: &str = "CUSTOM > ASM-710 > SUB-711";
}
