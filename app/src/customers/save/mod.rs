//! Customer writes, each in one transaction with its audit rows. Numbers
//! come from `system.next_number`, so they are unique under concurrency.

use sqlx::{PgConnection, PgPool};
use torvan::DbEnum;
use torvan::customer::{CompanySpec, Website};
use uuid::Uuid;

mod address;
mod contact;

pub use address::{save_address, set_default_address};
pub use contact::{save_contact, set_primary_contact};

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
            .bind(spec.website.as_ref().map(Website::as_str))
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
            .bind(spec.website.as_ref().map(Website::as_str))
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
