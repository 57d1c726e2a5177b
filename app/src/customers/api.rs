use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use torvan::customer::{AddressDraft, CompanyDraft, ContactDraft, CustomerType};
use uuid::Uuid;

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerRow {
    pub customer_number: String,
    pub company_name: String,
    pub customer_type: CustomerType,
    pub city: Option<String>,
    pub primary_contact: Option<String>,
    pub open_orders: i64,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerList {
    pub rows: Vec<CustomerRow>,
    pub total: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerDetail {
    pub customer_number: String,
    pub company: CompanyDraft,
    pub active: bool,
    pub addresses: Vec<AddressLine>,
    pub contacts: Vec<ContactLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressLine {
    pub id: Uuid,
    pub kind: String,
    pub label: Option<String>,
    pub lines: String,
    pub default_billing: bool,
    pub default_shipping: bool,
    /// Whether the address may bill, and may receive shipments.
    pub bills: bool,
    pub ships: bool,
    /// The address as its edit form starts.
    pub draft: AddressDraft,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactLine {
    pub id: Uuid,
    pub name: String,
    pub title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub primary: bool,
    /// The contact as its edit form starts.
    pub draft: ContactDraft,
}

/// One page of customers whose name or number starts with, or name
/// contains, `search`.
#[server(prefix = "/api", endpoint = "customers/list")]
pub async fn list_customers(
    search: String,
    include_inactive: bool,
    page: i64,
) -> Result<CustomerList, AppError> {
    crate::auth::guard::require(torvan::Resource::Customers, torvan::Action::Read)?;
    super::queries::list(&crate::state::pool()?, &search, include_inactive, page).await
}

#[server(prefix = "/api", endpoint = "customers/get")]
pub async fn get_customer(customer_number: String) -> Result<CustomerDetail, AppError> {
    crate::auth::guard::require(torvan::Resource::Customers, torvan::Action::Read)?;
    super::queries::detail(&crate::state::pool()?, &customer_number).await
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
    super::save::save_company(
        &crate::state::pool()?,
        &session,
        customer_number.as_deref(),
        &spec,
    )
    .await
}

#[server(prefix = "/api", endpoint = "customers/active")]
pub async fn set_customer_active(customer_number: String, active: bool) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Customers, torvan::Action::Update)?;
    super::save::set_active(&crate::state::pool()?, &session, &customer_number, active).await
}

#[server(prefix = "/api", endpoint = "customers/address/add")]
pub async fn add_address(customer_number: String, address: AddressDraft) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Customers, torvan::Action::Update)?;
    let spec = address.validate()?;
    let pool = crate::state::pool()?;
    super::save::save_address(&pool, &session, &customer_number, None, &spec).await
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
    let pool = crate::state::pool()?;
    super::save::save_address(&pool, &session, &customer_number, Some(address_id), &spec).await
}

#[server(prefix = "/api", endpoint = "customers/contact/add")]
pub async fn add_contact(customer_number: String, contact: ContactDraft) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Customers, torvan::Action::Update)?;
    let spec = contact.validate()?;
    let pool = crate::state::pool()?;
    super::save::save_contact(&pool, &session, &customer_number, None, &spec).await
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
    let pool = crate::state::pool()?;
    super::save::save_contact(&pool, &session, &customer_number, Some(contact_id), &spec).await
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
    let pool = crate::state::pool()?;
    super::save::set_default_address(&pool, &session, &customer_number, address_id, billing).await
}

/// Makes one of the customer's contacts its primary contact.
#[server(prefix = "/api", endpoint = "customers/contact/primary")]
pub async fn set_primary_contact(
    customer_number: String,
    contact_id: Uuid,
) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Customers, torvan::Action::Update)?;
    let pool = crate::state::pool()?;
    super::save::set_primary_contact(&pool, &session, &customer_number, contact_id).await
}
