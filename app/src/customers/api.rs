//! The customer server functions: each checks the permission, reads its
//! arguments into the domain's specs, and runs one read or one write in
//! one transaction that names the acting user.

use leptos::prelude::*;
use torvan::customer::{AddressDraft, CompanyDraft, ContactDraft};
use uuid::Uuid;

use super::model::{CustomerDetail, CustomerList};
use crate::error::AppError;

/// One page of customers whose name or number starts with, or name
/// contains, `search`.
#[server(prefix = "/api", endpoint = "customers/list")]
pub async fn list_customers(
    search: String,
    include_inactive: bool,
    page: i64,
) -> Result<CustomerList, AppError> {
    crate::auth::guard::require(torvan::Resource::Customers, torvan::Action::Read)?;
    let mut conn = crate::db::connection().await?;
    super::queries::list(&mut conn, &search, include_inactive, page).await
}

#[server(prefix = "/api", endpoint = "customers/get")]
pub async fn get_customer(customer_number: String) -> Result<CustomerDetail, AppError> {
    crate::auth::guard::require(torvan::Resource::Customers, torvan::Action::Read)?;
    let mut conn = crate::db::connection().await?;
    super::queries::detail(&mut conn, &customer_number).await
}

/// Creates a customer (no number) or updates one; returns its number.
#[server(prefix = "/api", endpoint = "customers/save")]
pub async fn save_customer(
    customer_number: Option<String>,
    company: CompanyDraft,
) -> Result<String, AppError> {
    let action = if customer_number.is_some() {
        torvan::Action::Update
    } else {
        torvan::Action::Create
    };
    let session = crate::auth::guard::require(torvan::Resource::Customers, action)?;
    let spec = company.validate()?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let number =
        super::save::save_company(&mut tx, session.user.id, customer_number.as_deref(), &spec)
            .await?;
    tx.commit().await?;
    Ok(number)
}

#[server(prefix = "/api", endpoint = "customers/active")]
pub async fn set_customer_active(customer_number: String, active: bool) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Customers, torvan::Action::Update)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::save::set_active(&mut tx, &customer_number, active).await?;
    tx.commit().await?;
    Ok(())
}

#[server(prefix = "/api", endpoint = "customers/address/add")]
pub async fn add_address(customer_number: String, address: AddressDraft) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Customers, torvan::Action::Update)?;
    let spec = address.validate()?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::save::save_address(&mut tx, &customer_number, None, &spec).await?;
    tx.commit().await?;
    Ok(())
}

/// Rewrites one of the customer's addresses.
#[server(prefix = "/api", endpoint = "customers/address/update")]
pub async fn update_address(
    customer_number: String,
    address_id: Uuid,
    address: AddressDraft,
) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Customers, torvan::Action::Update)?;
    let spec = address.validate()?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::save::save_address(&mut tx, &customer_number, Some(address_id), &spec).await?;
    tx.commit().await?;
    Ok(())
}

#[server(prefix = "/api", endpoint = "customers/contact/add")]
pub async fn add_contact(customer_number: String, contact: ContactDraft) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Customers, torvan::Action::Update)?;
    let spec = contact.validate()?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::save::save_contact(&mut tx, &customer_number, None, &spec).await?;
    tx.commit().await?;
    Ok(())
}

/// Rewrites one of the customer's contacts.
#[server(prefix = "/api", endpoint = "customers/contact/update")]
pub async fn update_contact(
    customer_number: String,
    contact_id: Uuid,
    contact: ContactDraft,
) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Customers, torvan::Action::Update)?;
    let spec = contact.validate()?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::save::save_contact(&mut tx, &customer_number, Some(contact_id), &spec).await?;
    tx.commit().await?;
    Ok(())
}

/// Makes one of the customer's addresses its default billing (or shipping)
/// address, in place of the one before.
#[server(prefix = "/api", endpoint = "customers/address/default")]
pub async fn set_default_address(
    customer_number: String,
    address_id: Uuid,
    billing: bool,
) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Customers, torvan::Action::Update)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::save::set_default_address(&mut tx, &customer_number, address_id, billing).await?;
    tx.commit().await?;
    Ok(())
}

/// Makes one of the customer's contacts its primary contact.
#[server(prefix = "/api", endpoint = "customers/contact/primary")]
pub async fn set_primary_contact(
    customer_number: String,
    contact_id: Uuid,
) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Customers, torvan::Action::Update)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::save::set_primary_contact(&mut tx, &customer_number, contact_id).await?;
    tx.commit().await?;
    Ok(())
}
