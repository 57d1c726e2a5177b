//! The new-order form's server functions.

use leptos::prelude::*;
use torvan::OrderNumber;
use torvan::order_draft::OrderDraft;

use crate::error::AppError;

/// (number, name) of every active customer, for the order form.
#[server(prefix = "/api", endpoint = "orders/customer-choices")]
pub async fn customer_choices() -> Result<Vec<(String, String)>, AppError> {
    crate::auth::guard::require(torvan::Resource::Orders, torvan::Action::Create)?;
    let mut conn = crate::db::connection().await?;
    super::queries::customer_choices(&mut conn).await
}

/// Opens the order; returns its number.
#[server(prefix = "/api", endpoint = "orders/create")]
pub async fn create_order(order: OrderDraft) -> Result<OrderNumber, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Orders, torvan::Action::Create)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let number = super::save::create(&mut tx, &session, &order).await?;
    tx.commit().await?;
    Ok(number)
}
