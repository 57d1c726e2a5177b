use chrono::NaiveDate;
use rust_decimal::Decimal;
use sqlx::PgPool;
use torvan::{DbEnum, OrderPriority, OrderStatus};

use super::api::OrderRow;
use crate::error::AppError;

/// How many orders the list shows at once.
const ORDER_PAGE_SIZE: i64 = 50;

#[derive(sqlx::FromRow)]
struct SummaryRow {
    order_number: String,
    customer_name: String,
    status: String,
    priority: String,
    order_date: NaiveDate,
    total_sinks: i64,
    total_amount: Option<Decimal>,
}

pub async fn recent(pool: &PgPool) -> Result<Vec<OrderRow>, AppError> {
    let rows = sqlx::query_as::<_, SummaryRow>(
        "SELECT order_number, customer_name, status::text AS status, priority::text AS priority,
                order_date, total_sinks::bigint AS total_sinks, total_amount
         FROM orders.order_summary
         ORDER BY order_date DESC, order_number DESC
         LIMIT $1",
    )
    .bind(ORDER_PAGE_SIZE)
    .fetch_all(pool)
    .await?;

    rows.into_iter()
        .map(|row| {
            Ok(OrderRow {
                status: OrderStatus::parse(&row.status)?,
                priority: OrderPriority::parse(&row.priority)?,
                order_number: row.order_number,
                customer_name: row.customer_name,
                order_date: row.order_date,
                total_sinks: row.total_sinks,
                total_amount: row.total_amount,
            })
        })
        .collect()
}
