//! The order list: one page of `orders.order_summary` and the count of all
//! matches, as two queries run at once.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sqlx::{PgPool, Postgres, QueryBuilder};
use torvan::{DbEnum, OrderPriority, OrderStatus};

use super::api::{OrderFilter, OrderList, OrderRow, OrderSort};
use crate::error::AppError;

pub const PAGE_SIZE: i64 = 50;

#[derive(sqlx::FromRow)]
struct SummaryRow {
    order_number: String,
    customer_name: String,
    /// Named apart from the enum columns so `ORDER BY priority` sorts by the
    /// enum's order, not alphabetically.
    status_name: String,
    priority_name: String,
    order_date: NaiveDate,
    total_sinks: i64,
    total_amount: Option<Decimal>,
}

fn order_by(sort: OrderSort) -> &'static str {
    match sort {
        OrderSort::Newest => "order_date DESC, order_number DESC",
        OrderSort::Oldest => "order_date, order_number",
        OrderSort::OrderNumber => "order_number",
        OrderSort::Customer => "customer_name, order_number",
        OrderSort::MostUrgent => "priority DESC, order_date, order_number",
    }
}

/// The filter's conditions, after `WHERE true`.
fn push_conditions(query: &mut QueryBuilder<'_, Postgres>, filter: &OrderFilter) {
    if let Some(status) = filter.status {
        query
            .push(" AND status = ")
            .push_bind(status.as_db_str())
            .push("::order_status");
    }
    if let Some(priority) = filter.priority {
        query
            .push(" AND priority = ")
            .push_bind(priority.as_db_str())
            .push("::order_priority");
    }
    let customer = filter.customer.trim().to_lowercase();
    if !customer.is_empty() {
        query
            .push(" AND (lower(customer_name) LIKE '%' || ")
            .push_bind(customer.clone())
            .push(" || '%' OR lower(customer_number) = ")
            .push_bind(customer)
            .push(")");
    }
    if let Some(from) = filter.from {
        query.push(" AND order_date >= ").push_bind(from);
    }
    if let Some(to) = filter.to {
        query.push(" AND order_date <= ").push_bind(to);
    }
}

const SOURCE: &str = "FROM orders.order_summary WHERE true";

pub async fn list(pool: &PgPool, filter: &OrderFilter) -> Result<OrderList, AppError> {
    let mut page = QueryBuilder::new(
        "SELECT order_number, customer_name, status::text AS status_name, priority::text AS priority_name,
                order_date, total_sinks::bigint AS total_sinks, total_amount ",
    );
    page.push(SOURCE);
    push_conditions(&mut page, filter);
    page.push(" ORDER BY ").push(order_by(filter.sort));
    page.push(" LIMIT ").push_bind(PAGE_SIZE);
    page.push(" OFFSET ")
        .push_bind(filter.page.max(0) * PAGE_SIZE);

    let mut count = QueryBuilder::new("SELECT count(*) ");
    count.push(SOURCE);
    push_conditions(&mut count, filter);

    let (rows, total) = futures::try_join!(
        page.build_query_as::<SummaryRow>().fetch_all(pool),
        count.build_query_scalar::<i64>().fetch_one(pool),
    )?;
    let rows = rows
        .into_iter()
        .map(|row| {
            Ok(OrderRow {
                status: OrderStatus::parse(&row.status_name)?,
                priority: OrderPriority::parse(&row.priority_name)?,
                order_number: row.order_number,
                customer_name: row.customer_name,
                order_date: row.order_date,
                total_sinks: row.total_sinks,
                total_amount: row.total_amount,
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(OrderList { rows, total })
}
