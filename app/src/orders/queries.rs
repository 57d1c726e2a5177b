//! The order list: one page of `orders.order_summary` and the count of all
//! matches.
//!
//! These are the one pair of statements in the orders feature built with
//! `QueryBuilder` rather than a checked macro: the user picks which filters
//! apply and the sort, so the `WHERE`, the joins and the `ORDER BY` are
//! chosen at run time. Every value is bound; only the fixed column names of
//! `SortColumns` are written into the text.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sqlx::{PgConnection, Postgres, QueryBuilder};
use torvan::paging::Page;
use torvan::{DbEnum, OrderNumber, OrderPriority, OrderStatus};

use super::model::{OrderFilter, OrderList, OrderRow, OrderSort, PAGE_SIZE};
use crate::error::AppError;

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

/// Where the sorted columns live: in the view, or in the tables under it.
/// A page picks its rows from the tables and joins the view for those rows
/// only, so the view's joins and sink sums run 50 times, not once per
/// matching order; the outer query then sorts those 50 the same way.
struct SortColumns {
    order_number: &'static str,
    priority: &'static str,
    customer_name: &'static str,
    order_date: &'static str,
}

const VIEW: SortColumns = SortColumns {
    order_number: "order_number",
    priority: "priority",
    customer_name: "customer_name",
    order_date: "order_date",
};

const TABLES: SortColumns = SortColumns {
    order_number: "o.order_number",
    priority: "o.priority",
    customer_name: "c.company_name",
    order_date: "o.order_date",
};

fn order_by(sort: OrderSort, columns: &SortColumns) -> String {
    let SortColumns {
        order_number,
        priority,
        customer_name,
        order_date,
    } = columns;
    match sort {
        OrderSort::Newest => format!("{order_date} DESC, {order_number} DESC"),
        OrderSort::Oldest => format!("{order_date}, {order_number}"),
        OrderSort::OrderNumber => order_number.to_string(),
        OrderSort::Customer => format!("{customer_name}, {order_number}"),
        OrderSort::MostUrgent => format!("{priority} DESC, {order_date}, {order_number}"),
    }
}

fn names_customer(filter: &OrderFilter) -> bool {
    !filter.customer.trim().is_empty()
}

/// The filter's conditions, after `WHERE true`, on `orders.orders o` (and
/// `public.customers c` when the filter names a customer).
fn push_conditions(query: &mut QueryBuilder<'_, Postgres>, filter: &OrderFilter) {
    if let Some(status) = filter.status {
        query
            .push(" AND o.status = ")
            .push_bind(status.as_db_str())
            .push("::order_status");
    }
    if let Some(priority) = filter.priority {
        query
            .push(" AND o.priority = ")
            .push_bind(priority.as_db_str())
            .push("::order_priority");
    }
    if names_customer(filter) {
        let customer = filter.customer.trim().to_lowercase();
        query
            .push(" AND (lower(c.company_name) LIKE '%' || ")
            .push_bind(customer.clone())
            .push(" || '%' OR lower(c.customer_number) = ")
            .push_bind(customer)
            .push(")");
    }
    let number = filter.number.trim();
    if !number.is_empty() {
        // Compared by prefix with `left`, not LIKE, so a `%` or `_` typed
        // in the box is only a character.
        let number = number.to_uppercase();
        query
            .push(" AND (upper(left(o.order_number, length(")
            .push_bind(number.clone())
            .push("))) = ")
            .push_bind(number.clone())
            .push(" OR upper(left(o.customer_po_number, length(")
            .push_bind(number.clone())
            .push("))) = ")
            .push_bind(number.clone())
            .push(
                " OR EXISTS (SELECT 1 FROM orders.order_sink_configurations s
                             WHERE s.order_id = o.id AND (upper(s.build_number) = ",
            )
            .push_bind(number.clone())
            .push(" OR upper(left(")
            .push_bind(number)
            .push(", length(s.build_number) + 1)) = upper(s.build_number) || '-')))");
    }
    if let Some(from) = filter.from {
        query.push(" AND o.order_date >= ").push_bind(from);
    }
    if let Some(to) = filter.to {
        query.push(" AND o.order_date <= ").push_bind(to);
    }
}

/// One page of the orders `filter` matches, and how many match in all.
pub async fn list(conn: &mut PgConnection, filter: &OrderFilter) -> Result<OrderList, AppError> {
    let mut page = QueryBuilder::new(
        "SELECT order_number, customer_name, status::text AS status_name, priority::text AS priority_name,
                order_date, total_sinks::bigint AS total_sinks, total_amount
         FROM orders.order_summary
         WHERE id IN (SELECT o.id FROM orders.orders o",
    );
    // Without the customers the planner can read a page straight off an
    // index in the page's order.
    if names_customer(filter) || filter.sort == OrderSort::Customer {
        page.push(" JOIN public.customers c ON c.id = o.customer_id");
    }
    page.push(" WHERE true");
    push_conditions(&mut page, filter);
    page.push(" ORDER BY ").push(order_by(filter.sort, &TABLES));
    page.push(" LIMIT ").push_bind(PAGE_SIZE);
    page.push(" OFFSET ")
        .push_bind(Page::requested(filter.page).offset(PAGE_SIZE));
    page.push(") ORDER BY ").push(order_by(filter.sort, &VIEW));

    // With no customer, number or date filter the total comes from the per status
    // and priority counts the database keeps, not from counting the orders.
    let counted = !names_customer(filter)
        && filter.number.trim().is_empty()
        && filter.from.is_none()
        && filter.to.is_none();
    let mut count = if counted {
        QueryBuilder::new(
            "SELECT coalesce(sum(orders), 0)::bigint FROM orders.order_counts o WHERE true",
        )
    } else if names_customer(filter) {
        QueryBuilder::new(
            "SELECT count(*) FROM orders.orders o
             JOIN public.customers c ON c.id = o.customer_id WHERE true",
        )
    } else {
        QueryBuilder::new("SELECT count(*) FROM orders.orders o WHERE true")
    };
    push_conditions(&mut count, filter);

    let rows = page
        .build_query_as::<SummaryRow>()
        .fetch_all(&mut *conn)
        .await?;
    let total = count
        .build_query_scalar::<i64>()
        .fetch_one(&mut *conn)
        .await?;
    let rows = rows
        .into_iter()
        .map(|row| {
            Ok(OrderRow {
                status: OrderStatus::parse(&row.status_name)?,
                priority: OrderPriority::parse(&row.priority_name)?,
                order_number: OrderNumber::parse(&row.order_number)?,
                customer_name: row.customer_name,
                order_date: row.order_date,
                total_sinks: row.total_sinks,
                total_amount: row.total_amount,
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(OrderList { rows, total })
}
