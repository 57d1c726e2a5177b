//! The order row, its number (`ORD-<year>-NNNN`, from the locked counter)
//! and the first line of its status history, in one transaction.

use chrono::NaiveDate;
use sqlx::PgPool;
use torvan::DbEnum;
use torvan::order_draft::OrderDraft;

use crate::auth::guard::SessionUser;
use crate::error::AppError;

pub async fn create(
    pool: &PgPool,
    session: &SessionUser,
    draft: &OrderDraft,
) -> Result<String, AppError> {
    let mut tx = crate::db::begin_as(pool, session).await?;
    let today: NaiveDate = sqlx::query_scalar("SELECT CURRENT_DATE")
        .fetch_one(&mut *tx)
        .await?;
    let spec = draft.validate(today)?;
    let created: Option<(uuid::Uuid, String)> = sqlx::query_as(
        "INSERT INTO orders.orders (order_number, order_type, customer_id, customer_po_number, priority,
             requested_ship_date, promised_ship_date, special_instructions, created_by)
         SELECT 'ORD-' || to_char(CURRENT_DATE, 'YYYY') || '-'
                    || lpad(system.next_number('ORDER', to_char(CURRENT_DATE, 'YYYY'))::text, 4, '0'),
                $1::order_type, c.id, $2, $3::order_priority, $4, $5, $6, $7
         FROM public.customers c
         WHERE c.customer_number = $8 AND coalesce(c.is_active, true)
         RETURNING id, order_number",
    )
    .bind(spec.order_type.as_db_str())
    .bind(&spec.customer_po_number)
    .bind(spec.priority.as_db_str())
    .bind(spec.requested_ship_date)
    .bind(spec.promised_ship_date)
    .bind(&spec.special_instructions)
    .bind(session.user.id)
    .bind(&spec.customer_number)
    .fetch_optional(&mut *tx)
    .await?;
    let (id, number) = created
        .ok_or_else(|| AppError::invalid("customer_number", "Choose an active customer."))?;
    sqlx::query(
        "INSERT INTO orders.order_status_history (order_id, from_status, to_status, changed_by, change_reason)
         VALUES ($1, NULL, 'PENDING', $2, 'Order created')",
    )
    .bind(id)
    .bind(session.user.id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(number)
}
