use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use torvan::StockStatus;

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartStock {
    pub part_number: String,
    pub name: String,
    pub category: Option<String>,
    pub on_hand: i32,
    pub allocated: i32,
    pub available: i32,
    pub reorder_point: i32,
    pub status: StockStatus,
}

#[server(prefix = "/api", endpoint = "inventory/stock")]
pub async fn list_part_stock() -> Result<Vec<PartStock>, AppError> {
    crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Read)?;
    let pool = crate::state::pool()?;
    super::queries::stock(&pool).await
}
