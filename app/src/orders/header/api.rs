//! The header's server functions: the ship-to choices of a customer, and
//! saving an order's edited header.

use leptos::prelude::*;
use torvan::order_draft::HeaderDraft;

use super::model::ShipToChoices;
use crate::error::AppError;

/// What a customer's order can ship to and name.
#[server(prefix = "/api", endpoint = "orders/ship-choices")]
pub async fn ship_choices(customer_number: String) -> Result<ShipToChoices, AppError> {
    crate::auth::guard::require(torvan::Resource::Orders, torvan::Action::Read)?;
    let mut conn = crate::db::connection().await?;
    super::queries::choices_of(&mut conn, &customer_number).await
}

/// Saves an order's header; `version` is what the page showed, so a change
/// made meanwhile by someone else is not overwritten.
#[server(prefix = "/api", endpoint = "orders/header")]
pub async fn save_order_header(
    order_number: String,
    version: i32,
    header: HeaderDraft,
) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Orders, torvan::Action::Update)?;
    let order_number = torvan::OrderNumber::parse(&order_number)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::save::update(&mut tx, &order_number, version, &header).await?;
    tx.commit().await?;
    Ok(())
}
