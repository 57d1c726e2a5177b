use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// The report as the page shows it; costs arrive formatted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReorderView {
    pub lines: Vec<ReorderRow>,
    /// (code, name) of every vendor, for the filter.
    pub vendors: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReorderRow {
    pub part_number: String,
    pub name: String,
    pub vendor: String,
    pub vendor_part_number: String,
    pub available: i32,
    pub reorder_point: i32,
    pub suggested: i32,
    pub unit_cost: String,
}

#[server(prefix = "/api", endpoint = "inventory/reorder")]
pub async fn reorder_report(vendor: Option<String>) -> Result<ReorderView, AppError> {
    crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Read)?;
    let pool = crate::state::pool()?;
    let vendor = vendor.filter(|code| !code.is_empty());
    let lines = super::report(&pool, vendor.as_deref()).await?;
    let vendors: Vec<(String, String)> =
        sqlx::query_as("SELECT code, name FROM inventory.vendors ORDER BY name")
            .fetch_all(&pool)
            .await?;
    let lines = lines
        .into_iter()
        .map(|line| ReorderRow {
            vendor: line.vendor_name.unwrap_or_default(),
            part_number: line.part_number,
            name: line.name,
            vendor_part_number: line.vendor_part_number.unwrap_or_default(),
            available: line.available,
            reorder_point: line.reorder_point,
            suggested: line.suggested,
            unit_cost: line.unit_cost.map(crate::money::money).unwrap_or_default(),
        })
        .collect();
    Ok(ReorderView { lines, vendors })
}
