//! An order's line items as the order page shows them, and while they may
//! change the active service parts to pick from.

use rust_decimal::Decimal;
use sqlx::PgConnection;
use uuid::Uuid;

use super::model::{LineItemRow, OrderLines};
use crate::error::AppError;
use crate::money::money;

/// The order's lines; `open` adds the active service parts to pick from.
pub async fn lines(
    conn: &mut PgConnection,
    order_id: Uuid,
    open: bool,
) -> Result<OrderLines, AppError> {
    let rows = sqlx::query!(
        r#"SELECT line_number, part_number, description, quantity_ordered,
                  unit_price, coalesce(discount_percent, 0) AS "discount!",
                  coalesce(net_amount, 0) AS "net!"
           FROM orders.order_line_items WHERE order_id = $1 ORDER BY line_number"#,
        order_id,
    )
    .fetch_all(&mut *conn)
    .await?;
    let parts = if open {
        sqlx::query!(
            "SELECT part_number, name FROM inventory.parts
             WHERE is_service_part AND status = 'ACTIVE' ORDER BY part_number"
        )
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|part| (part.part_number, part.name))
        .collect()
    } else {
        Vec::new()
    };
    let total: Decimal = rows.iter().map(|row| row.net).sum();
    Ok(OrderLines {
        lines: rows
            .into_iter()
            .map(|row| LineItemRow {
                line_number: row.line_number,
                part_number: row.part_number,
                description: row.description,
                quantity: row.quantity_ordered,
                unit_price: money(row.unit_price),
                discount_percent: format!("{}%", row.discount.normalize()),
                net_amount: money(row.net),
            })
            .collect(),
        total: money(total),
        parts,
    })
}
