//! The order's money columns follow its sinks and line items, so the list
//! and the order page show what the order is worth now. Every write that
//! changes a price or a quantity calls `refresh` in its own transaction.

use sqlx::PgConnection;
use uuid::Uuid;

use crate::error::AppError;

pub async fn refresh(conn: &mut PgConnection, order_id: Uuid) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE orders.orders o
         SET subtotal = t.amount,
             total_amount = t.amount + coalesce(o.tax_amount, 0) + coalesce(o.shipping_amount, 0)
         FROM (SELECT
                 (SELECT coalesce(sum(c.configuration_price * c.quantity), 0)
                  FROM orders.order_sink_configurations c WHERE c.order_id = $1)
               + (SELECT coalesce(sum(l.net_amount), 0)
                  FROM orders.order_line_items l
                  WHERE l.order_id = $1 AND l.line_status <> 'CANCELLED') AS amount) t
         WHERE o.id = $1",
        order_id,
    )
    .execute(conn)
    .await?;
    Ok(())
}
