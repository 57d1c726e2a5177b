//! The check at the top of every server function: who is calling, and may
//! they. The session was resolved once per request by the host's middleware.
//! A user whose password an administrator set may do nothing that needs a
//! permission until they choose their own: `require` refuses them, and
//! only what `require_signed_in` guards (changing the password) is open.

use axum::http::StatusCode;
use axum::http::request::Parts;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;
use torvan::{Action, Resource};
use uuid::Uuid;

use super::CurrentUser;
use crate::error::AppError;

/// The signed-in user of this request and their session, put into the
/// request's extensions by the host.
#[derive(Debug, Clone)]
pub struct SessionUser {
    pub user: CurrentUser,
    pub session_id: Uuid,
    /// An administrator set the password; the user must change it first.
    pub must_change_password: bool,
}

/// The caller's session, if signed in.
pub fn session() -> Option<SessionUser> {
    use_context::<Parts>().and_then(|parts| parts.extensions.get::<SessionUser>().cloned())
}

/// The caller, if they may do `action` on `resource`; otherwise 401 (not
/// signed in) or 403 (signed in, not allowed, or yet to change a password
/// an administrator set), with the status set.
pub fn require(resource: Resource, action: Action) -> Result<SessionUser, AppError> {
    let Some(session) = session() else {
        set_status(StatusCode::UNAUTHORIZED);
        return Err(AppError::Unauthorized);
    };
    if session.must_change_password {
        set_status(StatusCode::FORBIDDEN);
        return Err(AppError::MustChangePassword);
    }
    if !session.user.may(resource, action) {
        tracing::warn!(user = %session.user.email, role = ?session.user.role,
            ?resource, ?action, "refused: not permitted");
        set_status(StatusCode::FORBIDDEN);
        return Err(AppError::Forbidden);
    }
    Ok(session)
}

/// The caller, whatever their role; 401 if not signed in.
pub fn require_signed_in() -> Result<SessionUser, AppError> {
    session().ok_or_else(|| {
        set_status(StatusCode::UNAUTHORIZED);
        AppError::Unauthorized
    })
}

pub fn set_status(status: StatusCode) {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.set_status(status);
    }
}
