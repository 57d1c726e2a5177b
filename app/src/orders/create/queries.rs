//! What the new-order form offers: the customers an order can be opened for.

use sqlx::PgConnection;

use crate::error::AppError;

/// (number, name) of every active customer, by name.
pub async fn customer_choices(conn: &mut PgConnection) -> Result<Vec<(String, String)>, AppError> {
    let rows = sqlx::query!(
        "SELECT customer_number, company_name FROM public.customers
         WHERE coalesce(is_active, true) ORDER BY company_name"
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| (row.customer_number, row.company_name))
        .collect())
}
