//! The customer types that cross the wire: the list's rows and one
//! customer with its addresses and contacts, each line carrying the draft
//! its edit form starts from.

use serde::{Deserialize, Serialize};
use torvan::customer::{AddressDraft, CompanyDraft, ContactDraft, CustomerType};
use uuid::Uuid;

/// Customers on one page of the list.
pub const PAGE_SIZE: i64 = 50;

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
