//! Adding and removing an order's line items.

use leptos::prelude::*;
use torvan::order_line::LineItemDraft;

use crate::error::AppError;

#[server(prefix = "/api", endpoint = "orders/lines/add")]
pub async fn add_line_item(order_number: String, line: LineItemDraft) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Orders, torvan::Action::Update)?;
    let order_number = torvan::OrderNumber::parse(&order_number)?;
    let spec = line.validate()?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::save::add(&mut tx, &order_number, &spec).await?;
    tx.commit().await?;
    Ok(())
}

#[server(prefix = "/api", endpoint = "orders/lines/remove")]
pub async fn remove_line_item(order_number: String, line_number: i32) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Orders, torvan::Action::Update)?;
    let order_number = torvan::OrderNumber::parse(&order_number)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::save::remove(&mut tx, &order_number, line_number).await?;
    tx.commit().await?;
    Ok(())
}
