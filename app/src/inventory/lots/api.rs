//! The lot page's server function.

use leptos::prelude::*;
use uuid::Uuid;

use super::model::LotDetail;
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "inventory/lot")]
pub async fn get_lot(id: Uuid) -> Result<LotDetail, AppError> {
    crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Read)?;
    let mut conn = crate::db::connection().await?;
    super::queries::lot(&mut conn, id).await
}
