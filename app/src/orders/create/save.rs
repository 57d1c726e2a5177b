//! The order row, its number (`ORD-<year>-NNNN`, from the locked counter),
//! its ship-to address and contact (chosen, or the customer's defaults) and
//! the first line of its status history, in one transaction.

use chrono::NaiveDate;
use sqlx::PgPool;
use torvan::DbEnum;
use torvan::order_draft::OrderDraft;

use uuid::Uuid;

use crate::auth::guard::SessionUser;
use crate::error::AppError;
use crate::orders::header::save::{bind_header, ship_to};

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
    let customer_id: Uuid = sqlx::query_scalar(
        "SELECT id FROM public.customers WHERE customer_number = $1 AND coalesce(is_active, true)",
    )
    .bind(&spec.customer_number)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| AppError::invalid("customer_number", "Choose an active customer."))?;
    let header = &spec.header;
    let (address, contact) = ship_to(&mut tx, customer_id, header).await?;
    let insert = sqlx::query_as(
        "INSERT INTO orders.orders (order_number, order_type, customer_id, created_by,
             customer_po_number, priority, requested_ship_date, promised_ship_date,
             special_instructions, ship_to_address_id, contact_id)
         VALUES ('ORD-' || to_char(CURRENT_DATE, 'YYYY') || '-'
                     || lpad(system.next_number('ORDER', to_char(CURRENT_DATE, 'YYYY'))::text, 4, '0'),
                 $1::order_type, $2, $3, $4, $5::order_priority, $6, $7, $8, $9, $10)
         RETURNING id, order_number",
    )
    .bind(spec.order_type.as_db_str())
    .bind(customer_id)
    .bind(session.user.id);
    let (id, number): (Uuid, String) = bind_header(insert, header, (address, contact))
        .fetch_one(&mut *tx)
        .await?;
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
