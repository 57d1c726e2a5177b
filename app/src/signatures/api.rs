//! The small-shop setting's server functions: whether the author of a
//! record may approve it. Only an administrator reads or changes it; the
//! change is audited with the setting's row.

use leptos::prelude::*;

use crate::error::AppError;

#[server(prefix = "/api", endpoint = "signatures/policy")]
pub async fn get_signature_policy() -> Result<bool, AppError> {
    crate::auth::guard::require(torvan::Resource::Users, torvan::Action::Read)?;
    let mut conn = crate::db::connection().await?;
    super::store::author_may_approve(&mut conn).await
}

/// Lets the person who generated a BOM or validated a configuration
/// approve it too (`true`), or keeps the duties apart (`false`).
#[server(prefix = "/api", endpoint = "signatures/policy/set")]
pub async fn set_signature_policy(author_may_approve: bool) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Users, torvan::Action::Update)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::store::set_author_may_approve(&mut tx, session.user.id, author_may_approve).await?;
    tx.commit().await?;
    Ok(())
}
