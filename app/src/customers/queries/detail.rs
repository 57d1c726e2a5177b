//! One customer with its addresses and contacts, as the customer page shows
//! them and as their edit forms start.

use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::customer::{AddressDraft, AddressType, CompanyDraft, ContactDraft};
use torvan::text::checkbox;
use uuid::Uuid;

use crate::customers::model::{AddressLine, ContactLine, CustomerDetail};
use crate::error::AppError;

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

struct AddressRow {
    id: Uuid,
    kind: String,
    label: Option<String>,
    street_1: String,
    street_2: Option<String>,
    city: String,
    state: String,
    postal: String,
    country: String,
    billing: bool,
    shipping: bool,
}

struct ContactRow {
    id: Uuid,
    first_name: String,
    last_name: String,
    title: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    mobile: Option<String>,
    is_primary: bool,
}

impl AddressRow {
    fn line(self) -> Result<AddressLine, AppError> {
        let kind = AddressType::parse(&self.kind)?;
        let street = self
            .street_2
            .as_ref()
            .map_or(self.street_1.clone(), |second| {
                format!("{}, {second}", self.street_1)
            });
        Ok(AddressLine {
            id: self.id,
            kind: kind.label().to_owned(),
            bills: kind.bills(),
            ships: kind.ships(),
            lines: format!(
                "{street}, {}, {} {}, {}",
                self.city, self.state, self.postal, self.country
            ),
            default_billing: self.billing,
            default_shipping: self.shipping,
            draft: AddressDraft {
                address_type: self.kind,
                label: self.label.clone().unwrap_or_default(),
                street_address_1: self.street_1,
                street_address_2: self.street_2.unwrap_or_default(),
                city: self.city,
                state_province: self.state,
                postal_code: self.postal,
                country: self.country,
                default_billing: checkbox(self.billing),
                default_shipping: checkbox(self.shipping),
            },
            label: self.label,
        })
    }
}

impl ContactRow {
    fn line(self) -> ContactLine {
        ContactLine {
            id: self.id,
            name: format!("{} {}", self.first_name, self.last_name),
            title: self.title.clone(),
            email: self.email.clone(),
            phone: self.phone.clone().or(self.mobile),
            primary: self.is_primary,
            draft: ContactDraft {
                first_name: self.first_name,
                last_name: self.last_name,
                title: self.title.unwrap_or_default(),
                email: self.email.unwrap_or_default(),
                phone: self.phone.unwrap_or_default(),
                primary: checkbox(self.is_primary),
            },
        }
    }
}

impl CompanyRow {
    fn draft(&self) -> CompanyDraft {
        CompanyDraft {
            company_name: self.company_name.clone(),
            customer_type: self.customer_type.clone(),
            tax_id: self.tax_id.clone().unwrap_or_default(),
            website: self.website.clone().unwrap_or_default(),
            payment_terms: self
                .payment_terms
                .map(|days| days.to_string())
                .unwrap_or_default(),
            credit_limit: self
                .credit_limit
                .map(|limit| limit.to_string())
                .unwrap_or_default(),
            notes: self.notes.clone().unwrap_or_default(),
        }
    }
}

pub async fn detail(
    conn: &mut PgConnection,
    customer_number: &str,
) -> Result<CustomerDetail, AppError> {
    let row = sqlx::query_as!(
        CompanyRow,
        r#"SELECT id, customer_number, company_name,
                coalesce(customer_type, 'OTHER')::text AS "customer_type!",
                tax_id, website, payment_terms, credit_limit, notes,
                coalesce(is_active, true) AS "active!"
         FROM public.customers WHERE customer_number = $1"#,
        customer_number.trim(),
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let addresses = sqlx::query_as!(
        AddressRow,
        r#"SELECT id, address_type::text AS "kind!", label, street_address_1 AS street_1,
                street_address_2 AS street_2, city, state_province AS state, postal_code AS postal,
                country, coalesce(is_default_billing, false) AS "billing!",
                coalesce(is_default_shipping, false) AS "shipping!"
         FROM public.customer_addresses WHERE customer_id = $1 ORDER BY created_at, id"#,
        row.id,
    )
    .fetch_all(&mut *conn)
    .await?;
    let contacts = sqlx::query_as!(
        ContactRow,
        r#"SELECT id, first_name, last_name, title, email, phone, mobile,
                coalesce(is_primary, false) AS "is_primary!"
         FROM public.customer_contacts WHERE customer_id = $1 AND coalesce(is_active, true)
         ORDER BY is_primary DESC, last_name, first_name"#,
        row.id,
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(CustomerDetail {
        company: row.draft(),
        customer_number: row.customer_number,
        active: row.active,
        addresses: addresses
            .into_iter()
            .map(AddressRow::line)
            .collect::<Result<_, _>>()?,
        contacts: contacts.into_iter().map(ContactRow::line).collect(),
    })
}
