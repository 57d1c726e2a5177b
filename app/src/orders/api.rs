//! The order list's server function.

use leptos::prelude::*;

use super::model::{OrderFilter, OrderList};
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "orders/list")]
pub async fn list_orders(filter: OrderFilter) -> Result<OrderList, AppError> {
    crate::auth::guard::require(torvan::Resource::Orders, torvan::Action::Read)?;
    torvan::date_range::check_range(filter.from, filter.to, "to")
        .map_err(|error| AppError::invalid(&error.field, error.message))?;
    let mut conn = crate::db::connection().await?;
    super::queries::list(&mut conn, &filter).await
}
