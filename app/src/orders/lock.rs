//! The one way a write takes hold of an order: its row is locked
//! `FOR UPDATE` until the transaction ends, so writers to one order take
//! turns (line and build numbers never collide, an edit and a lifecycle move
//! never interleave), and it is read with its status and type parsed.
//! Every write to an order or to its sinks and line items starts here.

use chrono::NaiveDate;
use sqlx::PgConnection;
use torvan::order_draft::OrderType;
use torvan::order_lifecycle::Work;
use torvan::{DbEnum, OrderNumber, OrderStatus};
use uuid::Uuid;

use crate::error::AppError;

/// The locked order's row, as the writes read it.
pub struct LockedOrder {
    pub id: Uuid,
    pub customer_id: Uuid,
    pub status: OrderStatus,
    pub order_type: OrderType,
    pub order_date: NaiveDate,
    pub version: i32,
}

impl LockedOrder {
    /// Refuses a change from a page that showed another `version`: someone
    /// changed the order meanwhile.
    pub fn check_version(&self, version: i32) -> Result<(), AppError> {
        if self.version == version {
            Ok(())
        } else {
            Err(AppError::Conflict)
        }
    }
}

/// Locks the order `number` names.
pub async fn lock_order(
    conn: &mut PgConnection,
    number: &OrderNumber,
) -> Result<LockedOrder, AppError> {
    let row = sqlx::query!(
        r#"SELECT id, customer_id, status::text AS "status!", order_date, version,
                  coalesce(order_type, 'PRODUCTION')::text AS "order_type!"
           FROM orders.orders WHERE order_number = $1 FOR UPDATE"#,
        number.as_str(),
    )
    .fetch_optional(conn)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(LockedOrder {
        id: row.id,
        customer_id: row.customer_id,
        status: OrderStatus::parse(&row.status)?,
        order_type: OrderType::parse(&row.order_type)?,
        order_date: row.order_date,
        version: row.version,
    })
}

/// Locks the order and refuses unless its `work` may change now: the order
/// has that kind of work and is pending.
pub async fn lock_open_order(
    conn: &mut PgConnection,
    number: &OrderNumber,
    work: Work,
) -> Result<LockedOrder, AppError> {
    let order = lock_order(conn, number).await?;
    work.check_open(order.order_type, order.status)
        .map_err(|refused| AppError::invalid(&refused.field, refused.message))?;
    Ok(order)
}
