//! The dashboard's server function.

use leptos::prelude::*;

use super::model::DashboardSummary;
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "dashboard/summary")]
pub async fn load_dashboard() -> Result<DashboardSummary, AppError> {
    crate::auth::guard::require(torvan::Resource::Dashboard, torvan::Action::Read)?;
    let mut conn = crate::db::connection().await?;
    super::queries::summary(&mut conn).await
}
