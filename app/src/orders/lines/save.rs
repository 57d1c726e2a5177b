//! Line item writes: the order is locked first (`lock_open_order`), so line
//! numbers never collide and the lines change only on a pending service or
//! warranty order; the order's totals follow in the same transaction.

use sqlx::PgConnection;
use torvan::OrderNumber;
use torvan::order_lifecycle::Work;
use torvan::order_line::LineItemSpec;

use crate::error::AppError;
use crate::orders::lock::lock_open_order;
use crate::orders::totals;

pub async fn add(
    conn: &mut PgConnection,
    order_number: &OrderNumber,
    line: &LineItemSpec,
) -> Result<(), AppError> {
    let order = lock_open_order(conn, order_number, Work::LineItems).await?;
    let inserted = sqlx::query!(
        "INSERT INTO orders.order_line_items
             (order_id, line_number, part_id, part_number, description, quantity_ordered,
              unit_price, discount_percent)
         SELECT $1, (SELECT coalesce(max(line_number), 0) + 1
                     FROM orders.order_line_items WHERE order_id = $1),
                p.id, p.part_number, p.name, $3, $4, $5
         FROM inventory.parts p
         WHERE p.part_number = $2 AND p.status = 'ACTIVE'",
        order.id,
        line.part_number.as_str(),
        line.quantity,
        line.unit_price,
        line.discount_percent,
    )
    .execute(&mut *conn)
    .await?;
    if inserted.rows_affected() == 0 {
        return Err(AppError::invalid(
            "part_number",
            "No active part in the catalogue has that number.",
        ));
    }
    totals::refresh(conn, order.id).await
}

pub async fn remove(
    conn: &mut PgConnection,
    order_number: &OrderNumber,
    line_number: i32,
) -> Result<(), AppError> {
    let order = lock_open_order(conn, order_number, Work::LineItems).await?;
    let removed = sqlx::query!(
        "DELETE FROM orders.order_line_items WHERE order_id = $1 AND line_number = $2",
        order.id,
        line_number,
    )
    .execute(&mut *conn)
    .await?;
    if removed.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    totals::refresh(conn, order.id).await
}
