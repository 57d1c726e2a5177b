//! Customer writes, each in one transaction with its audit rows. Numbers
//! come from `system.next_number`, so they are unique under concurrency.

use sqlx::{PgConnection, PgPool};
use torvan::DbEnum;
use torvan::customer::{AddressSpec, CompanySpec, ContactSpec};
use uuid::Uuid;

use crate::auth::guard::SessionUser;
use crate::error::AppError;

async fn customer_id(conn: &mut PgConnection, customer_number: &str) -> Result<Uuid, AppError> {
    sqlx::query_scalar("SELECT id FROM public.customers WHERE customer_number = $1")
        .bind(customer_number.trim())
        .fetch_optional(conn)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn save_company(
    pool: &PgPool,
    session: &SessionUser,
    customer_number: Option<&str>,
    spec: &CompanySpec,
) -> Result<String, AppError> {
    let mut tx = crate::db::begin_as(pool, session).await?;
    let number = match customer_number {
        Some(number) => {
            let id = customer_id(&mut tx, number).await?;
            sqlx::query(
                "UPDATE public.customers SET company_name = $2, customer_type = $3::customer_type,
                     tax_id = $4, website = $5, payment_terms = $6, credit_limit = $7, notes = $8
                 WHERE id = $1",
            )
            .bind(id)
            .bind(&spec.company_name)
            .bind(spec.customer_type.as_db_str())
            .bind(&spec.tax_id)
            .bind(&spec.website)
            .bind(spec.payment_terms)
            .bind(spec.credit_limit)
            .bind(&spec.notes)
            .execute(&mut *tx)
            .await?;
            number.trim().to_owned()
        }
        None => {
            sqlx::query_scalar(
                "INSERT INTO public.customers (customer_number, company_name, customer_type, tax_id,
                     website, payment_terms, credit_limit, notes, created_by)
                 VALUES ('C-' || (10000 + system.next_number('CUSTOMER', '')), $1, $2::customer_type,
                         $3, $4, $5, $6, $7, $8)
                 RETURNING customer_number",
            )
            .bind(&spec.company_name)
            .bind(spec.customer_type.as_db_str())
            .bind(&spec.tax_id)
            .bind(&spec.website)
            .bind(spec.payment_terms)
            .bind(spec.credit_limit)
            .bind(&spec.notes)
            .bind(session.user.id)
            .fetch_one(&mut *tx)
            .await?
        }
    };
    tx.commit().await?;
    Ok(number)
}

pub async fn set_active(
    pool: &PgPool,
    session: &SessionUser,
    customer_number: &str,
    active: bool,
) -> Result<(), AppError> {
    let mut tx = crate::db::begin_as(pool, session).await?;
    let id = customer_id(&mut tx, customer_number).await?;
    sqlx::query("UPDATE public.customers SET is_active = $2 WHERE id = $1")
        .bind(id)
        .bind(active)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Adds an address; ticking a default moves that default from the
/// customer's other address.
pub async fn add_address(
    pool: &PgPool,
    session: &SessionUser,
    customer_number: &str,
    spec: &AddressSpec,
) -> Result<(), AppError> {
    let mut tx = crate::db::begin_as(pool, session).await?;
    let id = customer_id(&mut tx, customer_number).await?;
    sqlx::query(
        "UPDATE public.customer_addresses
         SET is_default_billing = is_default_billing AND NOT $2,
             is_default_shipping = is_default_shipping AND NOT $3
         WHERE customer_id = $1 AND ((is_default_billing AND $2) OR (is_default_shipping AND $3))",
    )
    .bind(id)
    .bind(spec.default_billing)
    .bind(spec.default_shipping)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO public.customer_addresses (customer_id, address_type, label, street_address_1,
             street_address_2, city, state_province, postal_code, country, is_default_billing,
             is_default_shipping)
         VALUES ($1, $2::address_type, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(id)
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
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Adds a contact; a new primary contact replaces the old one.
pub async fn add_contact(
    pool: &PgPool,
    session: &SessionUser,
    customer_number: &str,
    spec: &ContactSpec,
) -> Result<(), AppError> {
    let mut tx = crate::db::begin_as(pool, session).await?;
    let id = customer_id(&mut tx, customer_number).await?;
    if spec.primary {
        sqlx::query("UPDATE public.customer_contacts SET is_primary = FALSE WHERE customer_id = $1 AND is_primary")
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query(
        "INSERT INTO public.customer_contacts (customer_id, first_name, last_name, title, email, phone, is_primary)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(&spec.first_name)
    .bind(&spec.last_name)
    .bind(&spec.title)
    .bind(spec.email.as_ref().map(|email| email.as_str()))
    .bind(&spec.phone)
    .bind(spec.primary)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
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

pub async fn set_primary_contact(
    pool: &PgPool,
    session: &SessionUser,
    customer_number: &str,
    contact_id: Uuid,
) -> Result<(), AppError> {
    let mut tx = crate::db::begin_as(pool, session).await?;
    let id = customer_id(&mut tx, customer_number).await?;
    sqlx::query("UPDATE public.customer_contacts SET is_primary = FALSE WHERE customer_id = $1 AND is_primary")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let made = sqlx::query(
        "UPDATE public.customer_contacts SET is_primary = TRUE
         WHERE id = $1 AND customer_id = $2 AND is_active",
    )
    .bind(contact_id)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if made.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}
