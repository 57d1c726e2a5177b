//! The user-administration server functions: each checks the permission,
//! reads its arguments with the domain's account rules, and runs one
//! change in one transaction that names the acting admin.

use leptos::prelude::*;
use torvan::{Role, UserStatus};
use uuid::Uuid;

use super::model::{ChainVerification, HealthReading, UserRow};
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "admin/users/list")]
pub async fn list_users() -> Result<Vec<UserRow>, AppError> {
    use torvan::{Action, Resource};
    let session = crate::auth::guard::require(Resource::Users, Action::Read)?;
    let mut conn = crate::db::connection().await?;
    super::queries::list(&mut conn, session.user.id).await
}

/// The last verification of the audit chain (`torvan audit verify`).
#[server(prefix = "/api", endpoint = "admin/audit-chain/last")]
pub async fn last_chain_verification() -> Result<Option<ChainVerification>, AppError> {
    use torvan::{Action, Resource};
    crate::auth::guard::require(Resource::Audit, Action::Read)?;
    let mut conn = crate::db::connection().await?;
    super::queries::last_chain_verification(&mut conn).await
}

/// The latest database health check of each kind (the server's periodic
/// job writes them).
#[server(prefix = "/api", endpoint = "admin/health/latest")]
pub async fn latest_health_checks() -> Result<Vec<HealthReading>, AppError> {
    use torvan::{Action, Resource};
    crate::auth::guard::require(Resource::Users, Action::Read)?;
    let mut conn = crate::db::connection().await?;
    super::queries::latest_health_checks(&mut conn).await
}

#[server(prefix = "/api", endpoint = "admin/users/create")]
pub async fn create_user(
    email: String,
    first_name: String,
    last_name: String,
    role: Role,
    password: String,
) -> Result<(), AppError> {
    use torvan::{Action, Resource};
    let session = crate::auth::guard::require(Resource::Users, Action::Create)?;
    let new = torvan::account::NewUser::parse(&email, &first_name, &last_name, role, &password)?;
    let hash = crate::auth::password_hash::hash(password).await?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::create::create(&mut tx, session.user.id, &new, hash).await?;
    tx.commit().await?;
    Ok(())
}

#[server(prefix = "/api", endpoint = "admin/users/role")]
pub async fn change_role(user_id: Uuid, role: Role) -> Result<(), AppError> {
    use torvan::{Action, Resource};
    let session = crate::auth::guard::require(Resource::Users, Action::Update)?;
    if user_id == session.user.id {
        torvan::account::own_role(role)
            .map_err(|error| AppError::invalid(&error.field, error.message))?;
    }
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::change::change_role(&mut tx, user_id, role).await?;
    tx.commit().await?;
    Ok(())
}

/// Suspending or deactivating an account ends its sessions at once.
#[server(prefix = "/api", endpoint = "admin/users/status")]
pub async fn set_user_status(user_id: Uuid, status: UserStatus) -> Result<(), AppError> {
    use torvan::{Action, Resource};
    let session = crate::auth::guard::require(Resource::Users, Action::Update)?;
    if user_id == session.user.id {
        torvan::account::own_status(status)
            .map_err(|error| AppError::invalid(&error.field, error.message))?;
    }
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::change::set_status(&mut tx, user_id, status, &session.user.name).await?;
    tx.commit().await?;
    Ok(())
}

/// Sets a new password chosen by the admin, which the user must change at
/// their next sign-in; the user's sessions end. An admin changes their own
/// password on the password page, where the current one is asked for.
#[server(prefix = "/api", endpoint = "admin/users/reset-password")]
pub async fn reset_password(user_id: Uuid, new_password: String) -> Result<(), AppError> {
    use torvan::{Action, Resource};
    let session = crate::auth::guard::require(Resource::Users, Action::Update)?;
    if user_id == session.user.id {
        return Err(torvan::account::own_password_reset().into());
    }
    let email = super::queries::email_of(&mut *crate::db::connection().await?, user_id).await?;
    torvan::password::check_new_password(&new_password, &email)
        .map_err(|problem| AppError::invalid("new_password", problem.to_string()))?;
    let hash = crate::auth::password_hash::hash(new_password).await?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::change::reset_password(&mut tx, user_id, hash, &session.user.name).await?;
    tx.commit().await?;
    Ok(())
}

#[server(prefix = "/api", endpoint = "admin/users/unlock")]
pub async fn unlock_user(user_id: Uuid) -> Result<(), AppError> {
    use torvan::{Action, Resource};
    let session = crate::auth::guard::require(Resource::Users, Action::Update)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::change::unlock(&mut tx, user_id).await?;
    tx.commit().await?;
    Ok(())
}

#[server(prefix = "/api", endpoint = "admin/users/end-sessions")]
pub async fn end_user_sessions(user_id: Uuid) -> Result<(), AppError> {
    use torvan::{Action, Resource};
    let session = crate::auth::guard::require(Resource::Users, Action::Update)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::change::end_sessions(&mut tx, user_id, &session.user.name).await?;
    tx.commit().await?;
    Ok(())
}
