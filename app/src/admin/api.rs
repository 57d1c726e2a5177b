use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use torvan::{Role, UserStatus};
use uuid::Uuid;

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRow {
    pub id: Uuid,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub status: UserStatus,
    pub last_login_at: Option<DateTime<Utc>>,
    pub locked_until: Option<DateTime<Utc>>,
    pub active_sessions: i64,
}

#[server(prefix = "/api", endpoint = "admin/users/list")]
pub async fn list_users() -> Result<Vec<UserRow>, AppError> {
    use torvan::{Action, Resource};
    crate::auth::guard::require(Resource::Users, Action::Read)?;
    super::queries::list(&crate::state::pool()?).await
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
    let new = super::queries::NewUser::parse(&email, &first_name, &last_name, role, &password)?;
    let hash = crate::auth::password_hash::hash(password).await?;
    super::queries::create(&crate::state::pool()?, &session, new, hash).await
}

#[server(prefix = "/api", endpoint = "admin/users/role")]
pub async fn change_role(user_id: Uuid, role: Role) -> Result<(), AppError> {
    use torvan::{Action, Resource};
    let session = crate::auth::guard::require(Resource::Users, Action::Update)?;
    super::queries::change_role(&crate::state::pool()?, &session, user_id, role).await
}

/// Suspending or deactivating an account ends its sessions at once.
#[server(prefix = "/api", endpoint = "admin/users/status")]
pub async fn set_user_status(user_id: Uuid, status: UserStatus) -> Result<(), AppError> {
    use torvan::{Action, Resource};
    let session = crate::auth::guard::require(Resource::Users, Action::Update)?;
    super::queries::set_status(&crate::state::pool()?, &session, user_id, status).await
}

/// Sets a new password chosen by the admin; the user's sessions end.
#[server(prefix = "/api", endpoint = "admin/users/reset-password")]
pub async fn reset_password(user_id: Uuid, new_password: String) -> Result<(), AppError> {
    use torvan::{Action, Resource};
    let session = crate::auth::guard::require(Resource::Users, Action::Update)?;
    let pool = crate::state::pool()?;
    let email = super::queries::email_of(&pool, user_id).await?;
    torvan::password::check_new_password(&new_password, &email)
        .map_err(|problem| AppError::invalid("new_password", problem.to_string()))?;
    let hash = crate::auth::password_hash::hash(new_password).await?;
    super::queries::reset_password(&pool, &session, user_id, hash).await
}

#[server(prefix = "/api", endpoint = "admin/users/unlock")]
pub async fn unlock_user(user_id: Uuid) -> Result<(), AppError> {
    use torvan::{Action, Resource};
    let session = crate::auth::guard::require(Resource::Users, Action::Update)?;
    super::queries::unlock(&crate::state::pool()?, &session, user_id).await
}

#[server(prefix = "/api", endpoint = "admin/users/end-sessions")]
pub async fn end_user_sessions(user_id: Uuid) -> Result<(), AppError> {
    use torvan::{Action, Resource};
    let session = crate::auth::guard::require(Resource::Users, Action::Update)?;
    super::queries::end_sessions(&crate::state::pool()?, &session, user_id).await
}
