use sqlx::PgPool;
use torvan::DbEnum;
use torvan::customer::{AddressType, CompanyDraft, CustomerType};
use uuid::Uuid;

use super::api::{AddressLine, ContactLine, CustomerDetail, CustomerList, CustomerRow};
use crate::error::AppError;

pub const PAGE_SIZE: i64 = 50;

#[derive(sqlx::FromRow)]
struct Row {
    customer_number: String,
    company_name: String,
    customer_type: String,
    city: Option<String>,
    primary_contact: Option<String>,
    open_orders: i64,
    active: bool,
    total: i64,
}

pub async fn list(
    pool: &PgPool,
    search: &str,
    include_inactive: bool,
    page: i64,
) -> Result<CustomerList, AppError> {
    let search = search.trim().to_lowercase();
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT c.customer_number, c.company_name, coalesce(c.customer_type, 'OTHER')::text AS customer_type,
                (SELECT a.city FROM public.customer_addresses a WHERE a.customer_id = c.id
                  ORDER BY a.is_default_billing DESC, a.created_at LIMIT 1) AS city,
                (SELECT k.first_name || ' ' || k.last_name FROM public.customer_contacts k
                  WHERE k.customer_id = c.id AND k.is_primary AND k.is_active LIMIT 1) AS primary_contact,
                (SELECT count(*) FROM orders.orders o
                  WHERE o.customer_id = c.id AND o.status NOT IN ('SHIPPED', 'DELIVERED')) AS open_orders,
                coalesce(c.is_active, true) AS active,
                count(*) OVER () AS total
         FROM public.customers c
         WHERE ($1 = '' OR lower(c.company_name) LIKE '%' || $1 || '%' OR lower(c.customer_number) LIKE $1 || '%')
           AND ($2 OR coalesce(c.is_active, true))
         ORDER BY c.company_name, c.customer_number
         LIMIT $3 OFFSET $4",
    )
    .bind(&search)
    .bind(include_inactive)
    .bind(PAGE_SIZE)
    .bind(page.max(0) * PAGE_SIZE)
    .fetch_all(pool)
    .await?;
    let total = rows.first().map_or(0, |row| row.total);
    let rows = rows
        .into_iter()
        .map(|row| {
            Ok(CustomerRow {
                customer_type: CustomerType::parse(&row.customer_type)?,
                customer_number: row.customer_number,
                company_name: row.company_name,
                city: row.city,
                primary_contact: row.primary_contact,
                open_orders: row.open_orders,
                active: row.active,
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(CustomerList { rows, total })
}

#[derive(sqlx::FromRow)]
struct CompanyRow {
    id: Uuid,
    customer_number: String,
    company_name: String,
    customer_type: String,
    tax_id: Option<String>,
    website: Option<String>,
    payment_terms: Option<i32>,
    credit_limit: Option<rust_decimal::Decimal>,
    notes: Option<String>,
    active: bool,
}

/// Id, name, title, email, phone, primary.
type ContactRow = (
    Uuid,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    bool,
);

type AddressRow = (
    Uuid,
    String,
    Option<String>,
    String,
    Option<String>,
    String,
    String,
    String,
    String,
    bool,
    bool,
);

pub async fn detail(pool: &PgPool, customer_number: &str) -> Result<CustomerDetail, AppError> {
    let row: CompanyRow = sqlx::query_as(
        "SELECT id, customer_number, company_name, coalesce(customer_type, 'OTHER')::text AS customer_type,
                tax_id, website, payment_terms, credit_limit, notes, coalesce(is_active, true) AS active
         FROM public.customers WHERE customer_number = $1",
    )
    .bind(customer_number.trim())
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let addresses: Vec<AddressRow> = sqlx::query_as(
        "SELECT id, address_type::text, label, street_address_1, street_address_2, city, state_province,
                postal_code, country, coalesce(is_default_billing, false), coalesce(is_default_shipping, false)
         FROM public.customer_addresses WHERE customer_id = $1 ORDER BY created_at, id",
    )
    .bind(row.id)
    .fetch_all(pool)
    .await?;
    let contacts: Vec<ContactRow> = sqlx::query_as(
        "SELECT id, first_name || ' ' || last_name, title, email, coalesce(phone, mobile),
                coalesce(is_primary, false)
         FROM public.customer_contacts WHERE customer_id = $1 AND coalesce(is_active, true)
         ORDER BY is_primary DESC, last_name, first_name",
    )
    .bind(row.id)
    .fetch_all(pool)
    .await?;
    Ok(CustomerDetail {
        customer_number: row.customer_number,
        company: CompanyDraft {
            company_name: row.company_name,
            customer_type: row.customer_type,
            tax_id: row.tax_id.unwrap_or_default(),
            website: row.website.unwrap_or_default(),
            payment_terms: row
                .payment_terms
                .map(|days| days.to_string())
                .unwrap_or_default(),
            credit_limit: row
                .credit_limit
                .map(|limit| limit.to_string())
                .unwrap_or_default(),
            notes: row.notes.unwrap_or_default(),
        },
        active: row.active,
        addresses: addresses
            .into_iter()
            .map(
                |(
                    id,
                    kind,
                    label,
                    street_1,
                    street_2,
                    city,
                    state,
                    postal,
                    country,
                    billing,
                    shipping,
                )| {
                    let street =
                        street_2.map_or(street_1.clone(), |second| format!("{street_1}, {second}"));
                    let kind = AddressType::parse(&kind)?;
                    Ok(AddressLine {
                        id,
                        kind: kind.label().to_owned(),
                        bills: kind.bills(),
                        ships: kind.ships(),
                        label,
                        lines: format!("{street}, {city}, {state} {postal}, {country}"),
                        default_billing: billing,
                        default_shipping: shipping,
                    })
                },
            )
            .collect::<Result<_, AppError>>()?,
        contacts: contacts
            .into_iter()
            .map(|(id, name, title, email, phone, primary)| ContactLine {
                id,
                name,
                title,
                email,
                phone,
                primary,
            })
            .collect(),
    })
}
