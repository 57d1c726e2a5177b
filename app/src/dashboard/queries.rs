//! The dashboard's figures: orders counted by status, and the parts at or
//! below their reorder point, the most urgent first.

use sqlx::PgConnection;
use torvan::{DbEnum, OrderStatus, StockStatus};

use super::model::{DashboardSummary, StatusCount, StockAlert};
use crate::error::AppError;

/// How many alerts the dashboard lists; the total is counted in full.
const STOCK_ALERT_LIMIT: i64 = 20;

pub async fn summary(conn: &mut PgConnection) -> Result<DashboardSummary, AppError> {
    let counted = sqlx::query!(
        r#"SELECT status::text AS "status!", count(*) AS "orders!"
           FROM orders.order_summary GROUP BY status"#
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|row| Ok((OrderStatus::parse(&row.status)?, row.orders)))
    .collect::<Result<Vec<_>, AppError>>()?;
    let orders_by_status = OrderStatus::ALL
        .iter()
        .map(|&status| StatusCount {
            status,
            orders: counted
                .iter()
                .find(|(counted, _)| *counted == status)
                .map_or(0, |(_, orders)| *orders),
        })
        .collect();

    let alert_rows = sqlx::query!(
        r#"SELECT part_number AS "part_number!", name AS "name!",
                  quantity_available AS "available!", reorder_point AS "reorder_point!",
                  stock_status AS "stock_status!", count(*) OVER () AS "total!"
           FROM inventory.parts_availability
           WHERE stock_status IN ('OUT_OF_STOCK', 'LOW_STOCK')
           ORDER BY CASE stock_status WHEN 'OUT_OF_STOCK' THEN 0 ELSE 1 END, part_number
           LIMIT $1"#,
        STOCK_ALERT_LIMIT,
    )
    .fetch_all(conn)
    .await?;
    let stock_alert_total = alert_rows.first().map_or(0, |row| row.total);
    let stock_alerts = alert_rows
        .into_iter()
        .map(|row| {
            Ok(StockAlert {
                status: StockStatus::parse(&row.stock_status)?,
                part_number: row.part_number,
                name: row.name,
                available: row.available,
                reorder_point: row.reorder_point,
            })
        })
        .collect::<Result<_, AppError>>()?;

    Ok(DashboardSummary {
        orders_by_status,
        stock_alerts,
        stock_alert_total,
    })
}
