//! The order row, its number (`ORD-<year>-NNNN`, from the locked counter),
//! its ship-to address and contact (chosen, or the customer's defaults) and
//! the first line of its status history, written together in the caller's
//! transaction.

use sqlx::PgConnection;
use torvan::order_draft::OrderDraft;
use torvan::{DbEnum, OrderNumber};

use crate::auth::guard::SessionUser;
use crate::error::AppError;
use crate::orders::header::save::ship_to;

pub async fn create(
    conn: &mut PgConnection,
    session: &SessionUser,
    draft: &OrderDraft,
) -> Result<OrderNumber, AppError> {
    let today = sqlx::query_scalar!(r#"SELECT CURRENT_DATE AS "today!""#)
        .fetch_one(&mut *conn)
        .await?;
    let spec = draft.validate(today)?;
    let customer_id = sqlx::query_scalar!(
        "SELECT id FROM public.customers WHERE customer_number = $1 AND coalesce(is_active, true)",
        spec.customer_number,
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| AppError::invalid("customer_number", "Choose an active customer."))?;
    let header = &spec.header;
    let (address, contact) = ship_to(conn, customer_id, header).await?;
    let order = sqlx::query!(
        "INSERT INTO orders.orders (order_number, order_type, customer_id, created_by,
             customer_po_number, priority, requested_ship_date, promised_ship_date,
             special_instructions, ship_to_address_id, contact_id, unit_serials)
         VALUES ('ORD-' || to_char(CURRENT_DATE, 'YYYY') || '-'
                     || lpad(system.next_number('ORDER', to_char(CURRENT_DATE, 'YYYY'))::text, 4, '0'),
                 $1::text::order_type, $2, $3, $4, $5::text::order_priority, $6, $7, $8, $9, $10, $11)
         RETURNING id, order_number",
        spec.order_type.as_db_str(),
        customer_id,
        session.user.id,
        header.customer_po_number,
        header.priority.as_db_str(),
        header.requested_ship_date,
        header.promised_ship_date,
        header.special_instructions,
        address,
        contact,
        header.unit_serials.as_db_str(),
    )
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query!(
        "INSERT INTO orders.order_status_history (order_id, from_status, to_status, changed_by, change_reason)
         VALUES ($1, NULL, 'PENDING', $2, 'Order created')",
        order.id,
        session.user.id,
    )
    .execute(&mut *conn)
    .await?;
    Ok(OrderNumber::parse(&order.order_number)?)
}
