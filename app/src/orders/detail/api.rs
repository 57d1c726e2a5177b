//! The order page's server functions: reading the order, and moving it
//! through its lifecycle.

use leptos::prelude::*;

use super::model::OrderDetail;
use crate::error::AppError;
use crate::signatures::Signing;

#[server(prefix = "/api", endpoint = "orders/order")]
pub async fn get_order(order_number: String) -> Result<OrderDetail, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Orders, torvan::Action::Read)?;
    let order_number = torvan::OrderNumber::parse(&order_number)?;
    let mut conn = crate::db::connection().await?;
    super::queries::detail(&mut conn, &order_number, session.user.role).await
}

/// Moves the order to `to`. Who may make which move, and which moves need a
/// reason, is the lifecycle's rule (`torvan::order_lifecycle`), checked here.
/// A move that releases product (QC complete: verified; shipped: approved)
/// is signed: `signing` carries its meaning and the mover's password.
#[server(prefix = "/api", endpoint = "orders/status")]
pub async fn change_order_status(
    order_number: String,
    to: String,
    reason: String,
    version: i32,
    signing: Option<Signing>,
) -> Result<(), AppError> {
    use torvan::DbEnum;
    let session = crate::auth::guard::require(torvan::Resource::Orders, torvan::Action::Read)?;
    let order_number = torvan::OrderNumber::parse(&order_number)?;
    let to =
        torvan::OrderStatus::parse(&to).map_err(|_| AppError::invalid("to", "Choose a status."))?;
    let reason = torvan::order_lifecycle::parse_reason(&reason)
        .map_err(|refused| AppError::invalid(&refused.field, refused.message))?;
    let signed = match (signing, torvan::signature::order_move_meaning(to)) {
        (Some(signing), Some(meaning)) => {
            torvan::signature::expect_meaning(signing.meaning, meaning)
                .map_err(|error| AppError::invalid(&error.field, error.message))?;
            crate::auth::reauthenticate::confirm(&session, signing.password).await?;
            Some(meaning)
        }
        _ => None,
    };
    let request = crate::state::RequestInfo::current();
    let change = super::lifecycle::Change {
        order_number: &order_number,
        to,
        reason: reason.as_deref(),
        version,
        signed,
    };
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::lifecycle::change_status(&mut tx, &session, change, request.client()).await?;
    tx.commit().await?;
    Ok(())
}
