//! Customer writes, each run in the caller's transaction (which names the
//! acting user, so its audit rows commit with it). Numbers come from
//! `system.next_number`, so they are unique under concurrency.

use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::customer::{CompanySpec, Website};
use uuid::Uuid;

mod address;
mod contact;

pub use address::{save_address, set_default_address};
pub use contact::{save_contact, set_primary_contact};

use crate::error::AppError;

async fn customer_id(conn: &mut PgConnection, customer_number: &str) -> Result<Uuid, AppError> {
    sqlx::query_scalar!(
        "SELECT id FROM public.customers WHERE customer_number = $1",
        customer_number.trim(),
    )
    .fetch_optional(conn)
    .await?
    .ok_or(AppError::NotFound)
}

/// Creates a customer (no number) filed as created by `created_by`, or
/// rewrites one; returns its number.
pub async fn save_company(
    conn: &mut PgConnection,
    created_by: Uuid,
    customer_number: Option<&str>,
    spec: &CompanySpec,
) -> Result<String, AppError> {
    let website = spec.website.as_ref().map(Website::as_str);
    // One statement for both: the update touches no row for a new customer,
    // the insert none (and draws no number) for an existing one.
    sqlx::query_scalar!(
        r#"WITH updated AS (
               UPDATE public.customers
               SET company_name = $2, customer_type = $3::text::customer_type, tax_id = $4,
                   website = $5, payment_terms = $6, credit_limit = $7, notes = $8
               WHERE customer_number = trim($1)
               RETURNING customer_number),
           inserted AS (
               INSERT INTO public.customers (customer_number, company_name, customer_type,
                   tax_id, website, payment_terms, credit_limit, notes, created_by)
               SELECT 'C-' || (10000 + system.next_number('CUSTOMER', '')), $2,
                      $3::text::customer_type, $4, $5, $6, $7, $8, $9::uuid
               WHERE $1::text IS NULL
               RETURNING customer_number)
           SELECT customer_number AS "customer_number!" FROM updated
           UNION ALL
           SELECT customer_number FROM inserted"#,
        customer_number,
        spec.company_name,
        spec.customer_type.as_db_str(),
        spec.tax_id,
        website,
        spec.payment_terms,
        spec.credit_limit,
        spec.notes,
        created_by,
    )
    .fetch_optional(conn)
    .await?
    .ok_or(AppError::NotFound)
}

pub async fn set_active(
    conn: &mut PgConnection,
    customer_number: &str,
    active: bool,
) -> Result<(), AppError> {
    let id = customer_id(conn, customer_number).await?;
    sqlx::query!(
        "UPDATE public.customers SET is_active = $2 WHERE id = $1",
        id,
        active,
    )
    .execute(conn)
    .await?;
    Ok(())
}
