//! Writing an order's header. The ship-to address and contact are resolved
//! here for new orders and edits alike: a chosen one must be the customer's
//! (the database's paired foreign keys hold the same rule), and none chosen
//! means the customer's defaults (`orders.default_ship_to`,
//! `orders.default_contact`).

use sqlx::PgConnection;
use torvan::order_draft::{HeaderDraft, HeaderSpec};
use torvan::{DbEnum, OrderNumber};
use uuid::Uuid;

use crate::error::AppError;
use crate::orders::lock::lock_order;

/// The address and contact the order names: the chosen ones when they are
/// the customer's, else the customer's defaults.
pub async fn ship_to(
    conn: &mut PgConnection,
    customer_id: Uuid,
    header: &HeaderSpec,
) -> Result<(Option<Uuid>, Option<Uuid>), AppError> {
    let chosen = |raw: &Option<String>, field: &str| {
        raw.as_deref()
            .map(|id| {
                Uuid::parse_str(id)
                    .map_err(|_| AppError::invalid(field, "Choose one from the list."))
            })
            .transpose()
    };
    let address = chosen(&header.ship_to_address_id, "ship_to_address_id")?;
    let contact = chosen(&header.contact_id, "contact_id")?;
    let resolved = sqlx::query!(
        r#"SELECT coalesce($2, orders.default_ship_to($1)) AS address,
                  coalesce($3, orders.default_contact($1)) AS contact,
                  $2::uuid IS NULL OR EXISTS (SELECT 1 FROM public.customer_addresses
                                              WHERE id = $2 AND customer_id = $1
                                                AND address_type IN ('SHIPPING', 'BOTH')) AS "address_ok!",
                  $3::uuid IS NULL OR EXISTS (SELECT 1 FROM public.customer_contacts
                                              WHERE id = $3 AND customer_id = $1
                                                AND coalesce(is_active, true)) AS "contact_ok!""#,
        customer_id,
        address,
        contact,
    )
    .fetch_one(&mut *conn)
    .await?;
    if !resolved.address_ok {
        return Err(AppError::invalid(
            "ship_to_address_id",
            "Choose one of this customer's shipping addresses.",
        ));
    }
    if !resolved.contact_ok {
        return Err(AppError::invalid(
            "contact_id",
            "Choose one of this customer's active contacts.",
        ));
    }
    Ok((resolved.address, resolved.contact))
}

/// Saves an edited header of an order that has not shipped; bumps its
/// version.
pub async fn update(
    conn: &mut PgConnection,
    order_number: &OrderNumber,
    version: i32,
    draft: &HeaderDraft,
) -> Result<(), AppError> {
    let order = lock_order(conn, order_number).await?;
    order.check_version(version)?;
    if torvan::order_lifecycle::build_records_frozen(order.status) {
        return Err(AppError::invalid(
            "order",
            format!(
                "The order is {}: its header can no longer change.",
                order.status.label().to_lowercase()
            ),
        ));
    }
    let header = draft.validate(order.order_date)?;
    let (address, contact) = ship_to(conn, order.customer_id, &header).await?;
    let updated = sqlx::query!(
        "UPDATE orders.orders SET customer_po_number = $3, priority = $4::text::order_priority,
                requested_ship_date = $5, promised_ship_date = $6, special_instructions = $7,
                ship_to_address_id = $8, contact_id = $9, unit_serials = $10, version = version + 1
         WHERE id = $1 AND version = $2",
        order.id,
        version,
        header.customer_po_number,
        header.priority.as_db_str(),
        header.requested_ship_date,
        header.promised_ship_date,
        header.special_instructions,
        address,
        contact,
        header.unit_serials.as_db_str(),
    )
    .execute(&mut *conn)
    .await?;
    if updated.rows_affected() == 0 {
        return Err(AppError::Conflict);
    }
    Ok(())
}
