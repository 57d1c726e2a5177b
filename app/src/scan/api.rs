//! The labels printed for stock: a part's (for its bins) and a lot's.

use leptos::prelude::*;
use uuid::Uuid;

use super::model::StockLabel;
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "labels/part")]
pub async fn get_part_label(part_number: String) -> Result<StockLabel, AppError> {
    crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Read)?;
    let number =
        torvan::part_number::PartNumber::parse(&part_number).map_err(|_| AppError::NotFound)?;
    let mut conn = crate::db::connection().await?;
    super::stock_label::part_label(&mut conn, &number).await
}

#[server(prefix = "/api", endpoint = "labels/lot")]
pub async fn get_lot_label(id: Uuid) -> Result<StockLabel, AppError> {
    crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Read)?;
    let mut conn = crate::db::connection().await?;
    super::stock_label::lot_label(&mut conn, id).await
}
