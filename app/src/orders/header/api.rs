use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use torvan::order_draft::HeaderDraft;

use crate::error::AppError;

/// A customer's addresses goods can go to and its active contacts, as
/// (id, label), defaults first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipToChoices {
    pub addresses: Vec<(String, String)>,
    pub contacts: Vec<(String, String)>,
}

/// What a customer's order can ship to and name.
#[server(prefix = "/api", endpoint = "orders/ship-choices")]
pub async fn ship_choices(customer_number: String) -> Result<ShipToChoices, AppError> {
    crate::auth::guard::require(torvan::Resource::Orders, torvan::Action::Read)?;
    let mut conn = crate::state::pool()?.acquire().await?;
    super::save::choices_of(&mut conn, &customer_number).await
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
    let pool = crate::state::pool()?;
    let mut tx = crate::db::begin_as(&pool, &session).await?;
    super::save::update(&mut tx, &order_number, version, &header).await?;
    tx.commit().await?;
    Ok(())
}
