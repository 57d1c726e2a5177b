//! The retention policies and runs for the admin screen.

use leptos::prelude::*;

use super::model::RetentionReport;
use crate::error::AppError;

/// The policies and the last runs of the retention job.
#[server(prefix = "/api", endpoint = "admin/retention")]
pub async fn retention_overview() -> Result<RetentionReport, AppError> {
    use torvan::{Action, Resource};
    crate::auth::guard::require(Resource::Users, Action::Read)?;
    let mut conn = crate::db::connection().await?;
    super::queries::overview(&mut conn).await
}
