use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use torvan::order_line::LineItemDraft;

use crate::error::AppError;

/// One line as the order page shows it; money arrives formatted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineItemRow {
    pub line_number: i32,
    pub part_number: String,
    pub description: String,
    pub quantity: i32,
    pub unit_price: String,
    pub discount_percent: String,
    pub net_amount: String,
}

/// The order's lines and, while they may change, the parts to pick from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLines {
    pub lines: Vec<LineItemRow>,
    pub total: String,
    /// Service parts as (part number, name); empty once the lines are fixed.
    pub parts: Vec<(String, String)>,
}

#[server(prefix = "/api", endpoint = "orders/lines/add")]
pub async fn add_line_item(order_number: String, line: LineItemDraft) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Orders, torvan::Action::Update)?;
    let spec = line.validate()?;
    super::save::add(&crate::state::pool()?, &session, &order_number, &spec).await
}

#[server(prefix = "/api", endpoint = "orders/lines/remove")]
pub async fn remove_line_item(order_number: String, line_number: i32) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Orders, torvan::Action::Update)?;
    super::save::remove(&crate::state::pool()?, &session, &order_number, line_number).await
}
