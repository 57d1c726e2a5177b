//! Line item writes: the order row is locked first, so line numbers never
//! collide, and the order's totals follow in the same transaction.

use sqlx::{PgConnection, PgPool};
use torvan::DbEnum;
use torvan::order_draft::OrderType;
use torvan::order_line::LineItemSpec;
use uuid::Uuid;

use crate::auth::guard::SessionUser;
use crate::error::AppError;
use crate::orders::totals;

async fn open_order(conn: &mut PgConnection, order_number: &str) -> Result<Uuid, AppError> {
    let (id, status, order_type): (Uuid, String, String) = sqlx::query_as(
        "SELECT id, status::text, coalesce(order_type, 'PRODUCTION')::text
         FROM orders.orders WHERE order_number = $1 FOR UPDATE",
    )
    .bind(order_number)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    if OrderType::parse(&order_type)?.builds_sinks() {
        return Err(AppError::invalid(
            "part_number",
            "Line items belong to service and warranty orders; production orders have sinks.",
        ));
    }
    if status != "PENDING" {
        return Err(AppError::invalid(
            "part_number",
            "Line items change only while the order is pending.",
        ));
    }
    Ok(id)
}

pub async fn add(
    pool: &PgPool,
    session: &SessionUser,
    order_number: &str,
    line: &LineItemSpec,
) -> Result<(), AppError> {
    let mut tx = crate::db::begin_as(pool, session).await?;
    let order_id = open_order(&mut tx, order_number).await?;
    let inserted = sqlx::query(
        "INSERT INTO orders.order_line_items
             (order_id, line_number, part_id, part_number, description, quantity_ordered,
              unit_price, discount_percent)
         SELECT $1, (SELECT coalesce(max(line_number), 0) + 1
                     FROM orders.order_line_items WHERE order_id = $1),
                p.id, p.part_number, p.name, $3, $4, $5
         FROM inventory.parts p
         WHERE p.part_number = $2 AND p.status = 'ACTIVE'",
    )
    .bind(order_id)
    .bind(line.part_number.as_str())
    .bind(line.quantity)
    .bind(line.unit_price)
    .bind(line.discount_percent)
    .execute(&mut *tx)
    .await?;
    if inserted.rows_affected() == 0 {
        return Err(AppError::invalid(
            "part_number",
            "No active part in the catalogue has that number.",
        ));
    }
    totals::refresh(&mut tx, order_id).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn remove(
    pool: &PgPool,
    session: &SessionUser,
    order_number: &str,
    line_number: i32,
) -> Result<(), AppError> {
    let mut tx = crate::db::begin_as(pool, session).await?;
    let order_id = open_order(&mut tx, order_number).await?;
    let removed =
        sqlx::query("DELETE FROM orders.order_line_items WHERE order_id = $1 AND line_number = $2")
            .bind(order_id)
            .bind(line_number)
            .execute(&mut *tx)
            .await?;
    if removed.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    totals::refresh(&mut tx, order_id).await?;
    tx.commit().await?;
    Ok(())
}
