use leptos::prelude::*;
use torvan::order_draft::OrderDraft;

use crate::error::AppError;

/// (number, name) of every active customer, for the order form.
#[server(prefix = "/api", endpoint = "orders/customer-choices")]
pub async fn customer_choices() -> Result<Vec<(String, String)>, AppError> {
    crate::auth::guard::require(torvan::Resource::Orders, torvan::Action::Create)?;
    let pool = crate::state::pool()?;
    Ok(sqlx::query_as(
        "SELECT customer_number, company_name FROM public.customers
         WHERE coalesce(is_active, true) ORDER BY company_name",
    )
    .fetch_all(&pool)
    .await?)
}

/// Opens the order; returns its number.
#[server(prefix = "/api", endpoint = "orders/create")]
pub async fn create_order(order: OrderDraft) -> Result<String, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Orders, torvan::Action::Create)?;
    super::save::create(&crate::state::pool()?, &session, &order).await
}
