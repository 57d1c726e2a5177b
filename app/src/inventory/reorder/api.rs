//! The reorder report's server function.

use leptos::prelude::*;

use super::model::ReorderView;
use crate::error::AppError;

/// The report, for every vendor or for the vendor with code `vendor`.
#[server(prefix = "/api", endpoint = "inventory/reorder")]
pub async fn reorder_report(vendor: Option<String>) -> Result<ReorderView, AppError> {
    crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Read)?;
    let vendor = vendor.filter(|code| !code.is_empty());
    let mut conn = crate::db::connection().await?;
    super::report::view(&mut conn, vendor.as_deref()).await
}
