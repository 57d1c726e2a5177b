//! The viewer's server function: one page of the filtered trail.

use leptos::prelude::*;

use super::model::{AuditEntries, AuditFilter};
use crate::error::AppError;

/// One page of the entries `filter` matches, newest first; a record or
/// user the filter names that does not exist is refused at its field.
#[server(prefix = "/api", endpoint = "admin/audit/list")]
pub async fn list_audit(filter: AuditFilter) -> Result<AuditEntries, AppError> {
    use torvan::{Action, Resource};
    crate::auth::guard::require(Resource::Audit, Action::Read)?;
    let mut conn = crate::db::connection().await?;
    super::queries::list(&mut conn, &filter, super::model::PAGE_SIZE).await
}
