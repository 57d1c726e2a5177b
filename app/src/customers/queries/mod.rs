//! Customer reads: the list as the order desk searches it, and one
//! customer (`detail`). Types are parsed into their domain enums here.

use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::customer::CustomerType;
use torvan::paging::Page;

use super::model::{CustomerList, CustomerRow, PAGE_SIZE};
use crate::error::AppError;

mod detail;

pub use detail::detail;

pub async fn list(
    conn: &mut PgConnection,
    search: &str,
    include_inactive: bool,
    page: i64,
) -> Result<CustomerList, AppError> {
    let search = search.trim().to_lowercase();
    let rows = sqlx::query!(
        r#"SELECT c.customer_number, c.company_name,
                coalesce(c.customer_type, 'OTHER')::text AS "customer_type!",
                (SELECT a.city FROM public.customer_addresses a WHERE a.customer_id = c.id
                  ORDER BY a.is_default_billing DESC, a.created_at LIMIT 1) AS city,
                (SELECT k.first_name || ' ' || k.last_name FROM public.customer_contacts k
                  WHERE k.customer_id = c.id AND k.is_primary AND k.is_active LIMIT 1) AS primary_contact,
                (SELECT count(*) FROM orders.orders o
                  WHERE o.customer_id = c.id AND o.status NOT IN ('SHIPPED', 'DELIVERED')) AS "open_orders!",
                coalesce(c.is_active, true) AS "active!",
                count(*) OVER () AS "total!"
         FROM public.customers c
         WHERE ($1 = '' OR lower(c.company_name) LIKE '%' || $1 || '%' OR lower(c.customer_number) LIKE $1 || '%')
           AND ($2 OR coalesce(c.is_active, true))
         ORDER BY c.company_name, c.customer_number
         LIMIT $3 OFFSET $4"#,
        search,
        include_inactive,
        PAGE_SIZE,
        Page::requested(page).offset(PAGE_SIZE),
    )
    .fetch_all(conn)
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
