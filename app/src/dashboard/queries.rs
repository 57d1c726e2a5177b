use sqlx::PgPool;
use torvan::{DbEnum, OrderStatus, StockStatus};

use super::api::{DashboardSummary, StatusCount, StockAlert};
use crate::error::AppError;

/// How many alerts the dashboard lists; the total is counted in full.
const STOCK_ALERT_LIMIT: i64 = 20;

#[derive(sqlx::FromRow)]
struct StatusRow {
    status: String,
    orders: i64,
}

#[derive(sqlx::FromRow)]
struct AlertRow {
    part_number: String,
    name: String,
    available: i32,
    reorder_point: i32,
    stock_status: String,
    total: i64,
}

pub async fn summary(pool: &PgPool) -> Result<DashboardSummary, AppError> {
    let statuses = sqlx::query_as::<_, StatusRow>(
        "SELECT status::text AS status, count(*) AS orders
         FROM orders.order_summary GROUP BY status",
    )
    .fetch_all(pool);
    let alerts = sqlx::query_as::<_, AlertRow>(
        "SELECT part_number, name, quantity_available AS available, reorder_point,
                stock_status, count(*) OVER () AS total
         FROM inventory.parts_availability
         WHERE stock_status IN ('OUT_OF_STOCK', 'LOW_STOCK')
         ORDER BY CASE stock_status WHEN 'OUT_OF_STOCK' THEN 0 ELSE 1 END, part_number
         LIMIT $1",
    )
    .bind(STOCK_ALERT_LIMIT)
    .fetch_all(pool);
    // Two pooled connections at once: the page waits for the slower, not the sum.
    let (status_rows, alert_rows) = futures::try_join!(statuses, alerts)?;

    let orders_by_status = OrderStatus::ALL
        .iter()
        .map(|&status| StatusCount {
            status,
            orders: status_rows
                .iter()
                .find(|row| row.status == status.as_db_str())
                .map_or(0, |row| row.orders),
        })
        .collect();
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
