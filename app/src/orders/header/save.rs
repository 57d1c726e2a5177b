//! Writing an order's header. The ship-to address and contact are resolved
//! here for new orders and edits alike: a chosen one must be the customer's
//! (the database's paired foreign keys hold the same rule), and none chosen
//! means the customer's defaults (`orders.default_ship_to`,
//! `orders.default_contact`).

use sqlx::postgres::PgArguments;
use sqlx::query::QueryAs;
use sqlx::{PgConnection, Postgres};
use torvan::order_draft::{HeaderDraft, HeaderSpec};
use torvan::{DbEnum, OrderStatus};
use uuid::Uuid;

use super::api::ShipToChoices;
use crate::error::AppError;

pub async fn choices_of(
    conn: &mut PgConnection,
    customer_number: &str,
) -> Result<ShipToChoices, AppError> {
    let addresses: Vec<(Uuid, String)> = sqlx::query_as(
        "SELECT a.id, concat_ws(', ', nullif(a.label, ''), a.street_address_1, a.city,
                                a.state_province, a.postal_code)
         FROM public.customer_addresses a JOIN public.customers c ON c.id = a.customer_id
         WHERE c.customer_number = $1 AND a.address_type IN ('SHIPPING', 'BOTH')
         ORDER BY coalesce(a.is_default_shipping, false) DESC, a.created_at, a.id",
    )
    .bind(customer_number)
    .fetch_all(&mut *conn)
    .await?;
    let contacts: Vec<(Uuid, String)> = sqlx::query_as(
        "SELECT p.id, concat_ws(', ', p.first_name || ' ' || p.last_name, nullif(p.title, ''))
         FROM public.customer_contacts p JOIN public.customers c ON c.id = p.customer_id
         WHERE c.customer_number = $1 AND coalesce(p.is_active, true)
         ORDER BY coalesce(p.is_primary, false) DESC, p.created_at, p.id",
    )
    .bind(customer_number)
    .fetch_all(&mut *conn)
    .await?;
    let labelled = |rows: Vec<(Uuid, String)>| {
        rows.into_iter()
            .map(|(id, label)| (id.to_string(), label))
            .collect()
    };
    Ok(ShipToChoices {
        addresses: labelled(addresses),
        contacts: labelled(contacts),
    })
}

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
    let (address, contact, address_ok, contact_ok): (Option<Uuid>, Option<Uuid>, bool, bool) =
        sqlx::query_as(
            "SELECT coalesce($2, orders.default_ship_to($1)), coalesce($3, orders.default_contact($1)),
                    $2 IS NULL OR EXISTS (SELECT 1 FROM public.customer_addresses
                                          WHERE id = $2 AND customer_id = $1
                                            AND address_type IN ('SHIPPING', 'BOTH')),
                    $3 IS NULL OR EXISTS (SELECT 1 FROM public.customer_contacts
                                          WHERE id = $3 AND customer_id = $1
                                            AND coalesce(is_active, true))",
        )
        .bind(customer_id)
        .bind(address)
        .bind(contact)
        .fetch_one(&mut *conn)
        .await?;
    if !address_ok {
        return Err(AppError::invalid(
            "ship_to_address_id",
            "Choose one of this customer's shipping addresses.",
        ));
    }
    if !contact_ok {
        return Err(AppError::invalid(
            "contact_id",
            "Choose one of this customer's active contacts.",
        ));
    }
    Ok((address, contact))
}

/// Saves an edited header of an order that has not shipped; bumps its
/// version.
pub async fn update(
    conn: &mut PgConnection,
    order_number: &str,
    version: i32,
    draft: &HeaderDraft,
) -> Result<(), AppError> {
    let (id, customer_id, status, current, order_date): (
        Uuid,
        Uuid,
        String,
        i32,
        chrono::NaiveDate,
    ) = sqlx::query_as(
        "SELECT id, customer_id, status::text, version, order_date FROM orders.orders
         WHERE order_number = $1 FOR UPDATE",
    )
    .bind(order_number)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    if current != version {
        return Err(AppError::Conflict);
    }
    let status = OrderStatus::parse(&status)?;
    if torvan::order_lifecycle::build_records_frozen(status) {
        return Err(AppError::invalid(
            "order",
            format!(
                "The order is {}: its header can no longer change.",
                status.label().to_lowercase()
            ),
        ));
    }
    let header = draft.validate(order_date)?;
    let (address, contact) = ship_to(conn, customer_id, &header).await?;
    let update = sqlx::query_as(
        "UPDATE orders.orders SET customer_po_number = $2, priority = $3::order_priority,
                requested_ship_date = $4, promised_ship_date = $5, special_instructions = $6,
                ship_to_address_id = $7, contact_id = $8, version = version + 1
         WHERE id = $1 RETURNING version",
    )
    .bind(id);
    let _: (i32,) = bind_header(update, &header, (address, contact))
        .fetch_one(&mut *conn)
        .await?;
    Ok(())
}

/// Binds a header's columns in the order both writes name them: customer
/// PO, priority, requested and promised ship dates, special instructions,
/// ship-to address, contact.
pub fn bind_header<'q, O>(
    query: QueryAs<'q, Postgres, O, PgArguments>,
    header: &'q HeaderSpec,
    (address, contact): (Option<Uuid>, Option<Uuid>),
) -> QueryAs<'q, Postgres, O, PgArguments> {
    query
        .bind(&header.customer_po_number)
        .bind(header.priority.as_db_str())
        .bind(header.requested_ship_date)
        .bind(header.promised_ship_date)
        .bind(&header.special_instructions)
        .bind(address)
        .bind(contact)
}
