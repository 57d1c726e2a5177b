//! The part search's server function.

use leptos::prelude::*;

use super::model::{PartSearch, SearchPage};
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "inventory/search")]
pub async fn search_parts(query: PartSearch) -> Result<SearchPage, AppError> {
    crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Read)?;
    let mut conn = crate::db::connection().await?;
    super::search::search(&mut conn, &query).await
}
