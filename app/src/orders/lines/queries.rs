use rust_decimal::Decimal;
use sqlx::PgConnection;
use uuid::Uuid;

use super::api::{LineItemRow, OrderLines};
use crate::error::AppError;
use crate::money::money;

type Row = (i32, String, String, i32, Decimal, Decimal, Decimal);

/// The order's lines; `open` adds the active service parts to pick from.
pub async fn lines(
    conn: &mut PgConnection,
    order_id: Uuid,
    open: bool,
) -> Result<OrderLines, AppError> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT line_number, part_number, description, quantity_ordered, unit_price,
                coalesce(discount_percent, 0), coalesce(net_amount, 0)
         FROM orders.order_line_items WHERE order_id = $1 ORDER BY line_number",
    )
    .bind(order_id)
    .fetch_all(&mut *conn)
    .await?;
    let parts = if open {
        sqlx::query_as(
            "SELECT part_number, name FROM inventory.parts
             WHERE is_service_part AND status = 'ACTIVE' ORDER BY part_number",
        )
        .fetch_all(&mut *conn)
        .await?
    } else {
        Vec::new()
    };
    let total: Decimal = rows.iter().map(|row| row.6).sum();
    Ok(OrderLines {
        lines: rows
            .into_iter()
            .map(
                |(line_number, part_number, description, quantity, price, discount, net)| {
                    LineItemRow {
                        line_number,
                        part_number,
                        description,
                        quantity,
                        unit_price: money(price),
                        discount_percent: format!("{}%", discount.normalize()),
                        net_amount: money(net),
                    }
                },
            )
            .collect(),
        total: money(total),
        parts,
    })
}
