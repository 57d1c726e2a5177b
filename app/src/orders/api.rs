use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use torvan::{OrderPriority, OrderStatus};

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderRow {
    pub order_number: String,
    pub customer_name: String,
    pub status: OrderStatus,
    pub priority: OrderPriority,
    pub order_date: NaiveDate,
    pub total_sinks: i64,
    pub total_amount: Option<Decimal>,
}

#[server(prefix = "/api", endpoint = "orders/recent")]
pub async fn list_recent_orders() -> Result<Vec<OrderRow>, AppError> {
    crate::auth::guard::require(torvan::Resource::Orders, torvan::Action::Read)?;
    let pool = crate::state::pool()?;
    super::queries::recent(&pool).await
}
