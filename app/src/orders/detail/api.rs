//! The order page's server functions: reading the order, and moving it
//! through its lifecycle.

use leptos::prelude::*;

use super::model::OrderDetail;
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "orders/order")]
pub async fn get_order(order_number: String) -> Result<OrderDetail, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Orders, torvan::Action::Read)?;
    let order_number = torvan::OrderNumber::parse(&order_number)?;
    let mut conn = crate::db::connection().await?;
    super::queries::detail(&mut conn, &order_number, session.user.role).await
}

/// Moves the order to `to`. Who may make which move, and which moves need a
/// reason, is the lifecycle's rule (`torvan::order_lifecycle`), checked here.
#[server(prefix = "/api", endpoint = "orders/status")]
pub async fn change_order_status(
    order_number: String,
    to: String,
    reason: String,
    version: i32,
) -> Result<(), AppError> {
    use torvan::DbEnum;
    let session = crate::auth::guard::require(torvan::Resource::Orders, torvan::Action::Read)?;
    let order_number = torvan::OrderNumber::parse(&order_number)?;
    let to =
        torvan::OrderStatus::parse(&to).map_err(|_| AppError::invalid("to", "Choose a status."))?;
    let reason = torvan::order_lifecycle::parse_reason(&reason)
        .map_err(|refused| AppError::invalid(&refused.field, refused.message))?;
    let request = crate::state::RequestInfo::current();
    let change = super::lifecycle::Change {
        order_number: &order_number,
        to,
        reason: reason.as_deref(),
        version,
    };
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::lifecycle::change_status(&mut tx, &session, change, request.client()).await?;
    tx.commit().await?;
    Ok(())
}
