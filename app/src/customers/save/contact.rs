//! Contacts: at most one primary contact per customer.

use sqlx::PgConnection;
use torvan::customer::{ContactSpec, Phone};
use uuid::Uuid;

use super::customer_id;
use crate::error::AppError;

/// Adds a contact (no id) or rewrites one; a new primary contact replaces
/// the old one.
pub async fn save_contact(
    conn: &mut PgConnection,
    customer_number: &str,
    contact_id: Option<Uuid>,
    spec: &ContactSpec,
) -> Result<(), AppError> {
    let id = customer_id(conn, customer_number).await?;
    if spec.primary {
        clear_primary(conn, id).await?;
    }
    let email = spec.email.as_ref().map(|email| email.as_str());
    let phone = spec.phone.as_ref().map(Phone::as_str);
    // One statement for both: the update touches no row for a new contact,
    // the insert none for an existing one, so the values are bound once.
    let changed = sqlx::query_scalar!(
        r#"WITH updated AS (
               UPDATE public.customer_contacts
               SET first_name = $3, last_name = $4, title = $5, email = $6, phone = $7,
                   is_primary = $8
               WHERE id = $2 AND customer_id = $1 AND coalesce(is_active, true)
               RETURNING id),
           inserted AS (
               INSERT INTO public.customer_contacts
                   (customer_id, first_name, last_name, title, email, phone, is_primary)
               SELECT $1, $3, $4, $5, $6, $7, $8
               WHERE $2::uuid IS NULL
               RETURNING id)
           SELECT id AS "id!" FROM updated
           UNION ALL
           SELECT id FROM inserted"#,
        id,
        contact_id,
        spec.first_name,
        spec.last_name,
        spec.title,
        email,
        phone,
        spec.primary,
    )
    .fetch_optional(conn)
    .await?;
    changed.ok_or(AppError::NotFound)?;
    Ok(())
}

async fn clear_primary(conn: &mut PgConnection, customer: Uuid) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE public.customer_contacts SET is_primary = FALSE WHERE customer_id = $1 AND is_primary",
        customer,
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_primary_contact(
    conn: &mut PgConnection,
    customer_number: &str,
    contact_id: Uuid,
) -> Result<(), AppError> {
    let id = customer_id(conn, customer_number).await?;
    clear_primary(conn, id).await?;
    let made = sqlx::query!(
        "UPDATE public.customer_contacts SET is_primary = TRUE
         WHERE id = $1 AND customer_id = $2 AND is_active",
        contact_id,
        id,
    )
    .execute(conn)
    .await?;
    if made.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}
