use sqlx::PgPool;
use torvan::DbEnum;
use torvan::customer::CustomerType;

use super::api::{CustomerList, CustomerRow};
use crate::error::AppError;

mod detail;

pub use detail::detail;

pub const PAGE_SIZE: i64 = 50;

#[derive(sqlx::FromRow)]
struct Row {
    customer_number: String,
    company_name: String,
    customer_type: String,
    city: Option<String>,
    primary_contact: Option<String>,
    open_orders: i64,
    active: bool,
    total: i64,
}

pub async fn list(
    pool: &PgPool,
    search: &str,
    include_inactive: bool,
    page: i64,
) -> Result<CustomerList, AppError> {
    let search = search.trim().to_lowercase();
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT c.customer_number, c.company_name, coalesce(c.customer_type, 'OTHER')::text AS customer_type,
                (SELECT a.city FROM public.customer_addresses a WHERE a.customer_id = c.id
                  ORDER BY a.is_default_billing DESC, a.created_at LIMIT 1) AS city,
                (SELECT k.first_name || ' ' || k.last_name FROM public.customer_contacts k
                  WHERE k.customer_id = c.id AND k.is_primary AND k.is_active LIMIT 1) AS primary_contact,
                (SELECT count(*) FROM orders.orders o
                  WHERE o.customer_id = c.id AND o.status NOT IN ('SHIPPED', 'DELIVERED')) AS open_orders,
                coalesce(c.is_active, true) AS active,
                count(*) OVER () AS total
         FROM public.customers c
         WHERE ($1 = '' OR lower(c.company_name) LIKE '%' || $1 || '%' OR lower(c.customer_number) LIKE $1 || '%')
           AND ($2 OR coalesce(c.is_active, true))
         ORDER BY c.company_name, c.customer_number
         LIMIT $3 OFFSET $4",
    )
    .bind(&search)
    .bind(include_inactive)
    .bind(PAGE_SIZE)
    .bind(page.max(0) * PAGE_SIZE)
    .fetch_all(pool)
    .await?;
    let total = rows.first().map_or(0, |row| row.total);
    let rows = rows
        .into_iter()
        .map(|row| {
            Ok(CustomerRow {
                customer_type: CustomerType::parse(&row.customer_type)?,
                customer_number: row.customer_number,
                company_name: row.company_name,
                city: row.city,
                primary_contact: row.primary_contact,
                open_orders: row.open_orders,
                active: row.active,
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(CustomerList { rows, total })
}
