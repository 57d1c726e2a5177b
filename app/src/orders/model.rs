//! The order list's wire types: one row per order, the filter the address
//! bar holds, and the page size both the query and the pager count in.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use torvan::{OrderNumber, OrderPriority, OrderStatus};

/// Rows per page of the order list.
pub const PAGE_SIZE: i64 = 50;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderRow {
    pub order_number: OrderNumber,
    pub customer_name: String,
    pub status: OrderStatus,
    pub priority: OrderPriority,
    pub order_date: NaiveDate,
    pub total_sinks: i64,
    pub total_amount: Option<Decimal>,
}

/// The order list's sort orders.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderSort {
    #[default]
    Newest,
    Oldest,
    OrderNumber,
    Customer,
    MostUrgent,
}

impl OrderSort {
    pub const ALL: [Self; 5] = [
        Self::Newest,
        Self::Oldest,
        Self::OrderNumber,
        Self::Customer,
        Self::MostUrgent,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Newest => "Newest first",
            Self::Oldest => "Oldest first",
            Self::OrderNumber => "Order number",
            Self::Customer => "Customer",
            Self::MostUrgent => "Most urgent first",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Newest => "newest",
            Self::Oldest => "oldest",
            Self::OrderNumber => "number",
            Self::Customer => "customer",
            Self::MostUrgent => "urgent",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|sort| sort.key() == key)
    }
}

/// Which orders to list; everything optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrderFilter {
    pub status: Option<OrderStatus>,
    pub priority: Option<OrderPriority>,
    /// Words of the customer's name, or its number.
    pub customer: String,
    /// The start of an order number or customer PO, or a build number (of
    /// a configuration or of one sink of it).
    pub number: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub sort: OrderSort,
    /// Zero-based.
    pub page: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderList {
    pub rows: Vec<OrderRow>,
    /// Matches over all pages.
    pub total: i64,
}
