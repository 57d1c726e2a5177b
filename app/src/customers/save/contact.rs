//! Contacts: at most one primary contact per customer.

use sqlx::{PgConnection, PgPool};
use torvan::customer::{ContactSpec, Phone};
use uuid::Uuid;

use super::customer_id;
use crate::auth::guard::SessionUser;
use crate::error::AppError;

/// Adds a contact (no id) or rewrites one; a new primary contact replaces
/// the old one.
pub async fn save_contact(
    pool: &PgPool,
    session: &SessionUser,
    customer_number: &str,
    contact_id: Option<Uuid>,
    spec: &ContactSpec,
) -> Result<(), AppError> {
    let mut tx = crate::db::begin_as(pool, session).await?;
    let id = customer_id(&mut tx, customer_number).await?;
    if spec.primary {
        clear_primary(&mut tx, id).await?;
    }
    let changed = match contact_id {
        Some(contact_id) => sqlx::query(
            "UPDATE public.customer_contacts
             SET first_name = $3, last_name = $4, title = $5, email = $6, phone = $7,
                 is_primary = $8
             WHERE id = $2 AND customer_id = $1 AND coalesce(is_active, true)",
        )
        .bind(id)
        .bind(contact_id),
        None => sqlx::query(
            "INSERT INTO public.customer_contacts (customer_id, first_name, last_name, title, email, phone, is_primary)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id),
    }
    .bind(&spec.first_name)
    .bind(&spec.last_name)
    .bind(&spec.title)
    .bind(spec.email.as_ref().map(|email| email.as_str()))
    .bind(spec.phone.as_ref().map(Phone::as_str))
    .bind(spec.primary)
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

async fn clear_primary(conn: &mut PgConnection, customer: Uuid) -> Result<(), AppError> {
    sqlx::query("UPDATE public.customer_contacts SET is_primary = FALSE WHERE customer_id = $1 AND is_primary")
        .bind(customer)
        .execute(conn)
        .await?;
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
    clear_primary(&mut tx, id).await?;
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
