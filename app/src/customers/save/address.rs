//! Addresses: one default billing and one default shipping address per
//! customer, moved rather than duplicated: a default is cleared from the
//! customer's other addresses before it is set, in separate statements,
//! because the one-default index is checked row by row.

use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::customer::{AddressSpec, AddressType};
use uuid::Uuid;

use super::customer_id;
use crate::error::AppError;

/// Adds an address (no id) or rewrites one; ticking a default moves that
/// default from the customer's other address.
pub async fn save_address(
    conn: &mut PgConnection,
    customer_number: &str,
    address_id: Option<Uuid>,
    spec: &AddressSpec,
) -> Result<(), AppError> {
    let id = customer_id(conn, customer_number).await?;
    clear_defaults(
        conn,
        id,
        address_id,
        spec.default_billing,
        spec.default_shipping,
    )
    .await?;
    // One statement for both: the update touches no row for a new address,
    // the insert none for an existing one, so the values are bound once.
    let written = sqlx::query_scalar!(
        r#"WITH updated AS (
               UPDATE public.customer_addresses
               SET address_type = $3::text::address_type, label = $4, street_address_1 = $5,
                   street_address_2 = $6, city = $7, state_province = $8, postal_code = $9,
                   country = $10, is_default_billing = $11, is_default_shipping = $12
               WHERE id = $2 AND customer_id = $1
               RETURNING id),
           inserted AS (
               INSERT INTO public.customer_addresses (customer_id, address_type, label,
                   street_address_1, street_address_2, city, state_province, postal_code,
                   country, is_default_billing, is_default_shipping)
               SELECT $1, $3::text::address_type, $4, $5, $6, $7, $8, $9, $10, $11, $12
               WHERE $2::uuid IS NULL
               RETURNING id)
           SELECT id AS "id!" FROM updated
           UNION ALL
           SELECT id FROM inserted"#,
        id,
        address_id,
        spec.address_type.as_db_str(),
        spec.label,
        spec.street_address_1,
        spec.street_address_2,
        spec.city,
        spec.state_province,
        spec.postal_code,
        spec.country,
        spec.default_billing,
        spec.default_shipping,
    )
    .fetch_optional(conn)
    .await?;
    written.ok_or(AppError::NotFound)?;
    Ok(())
}

/// Takes the default billing (`billing`) and shipping (`shipping`) flags
/// from the customer's addresses other than `except`.
async fn clear_defaults(
    conn: &mut PgConnection,
    customer: Uuid,
    except: Option<Uuid>,
    billing: bool,
    shipping: bool,
) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE public.customer_addresses
         SET is_default_billing = is_default_billing AND NOT $2,
             is_default_shipping = is_default_shipping AND NOT $3
         WHERE customer_id = $1 AND id IS DISTINCT FROM $4
           AND ((is_default_billing AND $2) OR (is_default_shipping AND $3))",
        customer,
        billing,
        shipping,
        except,
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_default_address(
    conn: &mut PgConnection,
    customer_number: &str,
    address_id: Uuid,
    billing: bool,
) -> Result<(), AppError> {
    let id = customer_id(conn, customer_number).await?;
    let kind = sqlx::query_scalar!(
        r#"SELECT address_type::text AS "kind!" FROM public.customer_addresses
         WHERE id = $1 AND customer_id = $2"#,
        address_id,
        id,
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    AddressType::parse(&kind)?
        .may_default(billing)
        .map_err(|message| AppError::invalid("address", message))?;
    clear_defaults(conn, id, None, billing, !billing).await?;
    sqlx::query!(
        "UPDATE public.customer_addresses
         SET is_default_billing = is_default_billing OR $2,
             is_default_shipping = is_default_shipping OR $3
         WHERE id = $1",
        address_id,
        billing,
        !billing,
    )
    .execute(conn)
    .await?;
    Ok(())
}
