//! The one read of the vendors table. The part form offers the active
//! vendors, the reorder report filters by any of them, and a part save or a
//! parts file resolves a vendor code to its id: all from this list, so a
//! vendor reads the same everywhere.

use sqlx::PgConnection;
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vendor {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub is_active: bool,
}

/// Every vendor, by name.
pub async fn all(conn: &mut PgConnection) -> Result<Vec<Vendor>, sqlx::Error> {
    sqlx::query_as!(
        Vendor,
        "SELECT id, code, name, is_active FROM inventory.vendors ORDER BY name, code"
    )
    .fetch_all(conn)
    .await
}
