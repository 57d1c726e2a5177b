//! Addresses: one default billing and one default shipping address per
//! customer, moved rather than duplicated.

use sqlx::{PgConnection, PgPool};
use torvan::DbEnum;
use torvan::customer::AddressSpec;
use uuid::Uuid;

use super::customer_id;
use crate::auth::guard::SessionUser;
use crate::error::AppError;

/// Adds an address (no id) or rewrites one; ticking a default moves that
/// default from the customer's other address.
pub async fn save_address(
    pool: &PgPool,
    session: &SessionUser,
    customer_number: &str,
    address_id: Option<Uuid>,
    spec: &AddressSpec,
) -> Result<(), AppError> {
    let mut tx = crate::db::begin_as(pool, session).await?;
    let id = customer_id(&mut tx, customer_number).await?;
    sqlx::query(
        "UPDATE public.customer_addresses
         SET is_default_billing = is_default_billing AND NOT $2,
             is_default_shipping = is_default_shipping AND NOT $3
         WHERE customer_id = $1 AND id IS DISTINCT FROM $4
           AND ((is_default_billing AND $2) OR (is_default_shipping AND $3))",
    )
    .bind(id)
    .bind(spec.default_billing)
    .bind(spec.default_shipping)
    .bind(address_id)
    .execute(&mut *tx)
    .await?;
    write(&mut tx, id, address_id, spec).await?;
    tx.commit().await?;
    Ok(())
}

/// Inserts the address (no id) or rewrites the customer's address `address`;
/// both statements take the same parameters.
async fn write(
    conn: &mut PgConnection,
    customer: Uuid,
    address: Option<Uuid>,
    spec: &AddressSpec,
) -> Result<(), AppError> {
    let sql = match address {
        None => {
            "INSERT INTO public.customer_addresses (customer_id, id, address_type, label,
                 street_address_1, street_address_2, city, state_province, postal_code, country,
                 is_default_billing, is_default_shipping)
             VALUES ($1, $2, $3::address_type, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
        }
        Some(_) => {
            "UPDATE public.customer_addresses
             SET address_type = $3::address_type, label = $4, street_address_1 = $5,
                 street_address_2 = $6, city = $7, state_province = $8, postal_code = $9,
                 country = $10, is_default_billing = $11, is_default_shipping = $12
             WHERE id = $2 AND customer_id = $1"
        }
    };
    let written = sqlx::query(sql)
        .bind(customer)
        .bind(address.unwrap_or_else(Uuid::new_v4))
        .bind(spec.address_type.as_db_str())
        .bind(&spec.label)
        .bind(&spec.street_address_1)
        .bind(&spec.street_address_2)
        .bind(&spec.city)
        .bind(&spec.state_province)
        .bind(&spec.postal_code)
        .bind(&spec.country)
        .bind(spec.default_billing)
        .bind(spec.default_shipping)
        .execute(conn)
        .await?;
    if written.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

pub async fn set_default_address(
    pool: &PgPool,
    session: &SessionUser,
    customer_number: &str,
    address_id: Uuid,
    billing: bool,
) -> Result<(), AppError> {
    let mut tx = crate::db::begin_as(pool, session).await?;
    let id = customer_id(&mut tx, customer_number).await?;
    let kind: String = sqlx::query_scalar(
        "SELECT address_type::text FROM public.customer_addresses WHERE id = $1 AND customer_id = $2",
    )
    .bind(address_id)
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let kind = torvan::customer::AddressType::parse(&kind)?;
    if (billing && !kind.bills()) || (!billing && !kind.ships()) {
        return Err(AppError::invalid(
            "address",
            format!(
                "A {} address cannot be the default for that.",
                kind.label().to_lowercase()
            ),
        ));
    }
    // Two statements: the one-default index is checked row by row.
    let column = if billing {
        "is_default_billing"
    } else {
        "is_default_shipping"
    };
    sqlx::query(&format!(
        "UPDATE public.customer_addresses SET {column} = FALSE WHERE customer_id = $1 AND {column}"
    ))
    .bind(id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(&format!(
        "UPDATE public.customer_addresses SET {column} = TRUE WHERE id = $1"
    ))
    .bind(address_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
