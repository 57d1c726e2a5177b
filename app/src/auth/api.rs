use leptos::prelude::*;

use super::CurrentUser;
use crate::error::AppError;

/// Signs in and sets the session cookie. Returns where to go next.
#[server(prefix = "/api", endpoint = "auth/sign-in")]
pub async fn sign_in(email: String, password: String) -> Result<String, AppError> {
    use super::{sessions, sign_in};
    let pool = crate::state::pool()?;
    let settings = crate::state::auth_settings()?;
    let request = crate::state::RequestInfo::current();
    let signed_in = sign_in::sign_in(
        &pool,
        &settings,
        &email,
        password,
        chrono::Utc::now(),
        request.client(),
    )
    .await?;
    crate::state::set_cookie(&sessions::session_cookie(
        &signed_in.session.token,
        &settings,
    ));
    tracing::info!(user = %signed_in.user.email, "signed in");
    Ok("/".to_owned())
}

/// Ends the caller's session and removes the cookie.
#[server(prefix = "/api", endpoint = "auth/sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    use super::{guard, sessions};
    let settings = crate::state::auth_settings()?;
    crate::state::set_cookie(&sessions::cleared_cookie(&settings));
    let Some(session) = guard::session() else {
        return Ok(());
    };
    let pool = crate::state::pool()?;
    let mut tx = crate::db::begin_as(&pool, &session).await?;
    sessions::end_session(&mut tx, session.session_id, sessions::EndReason::SignOut).await?;
    tx.commit().await?;
    Ok(())
}

/// Who is signed in, for the header and navigation; `None` when nobody is.
#[server(prefix = "/api", endpoint = "auth/me")]
pub async fn who_am_i() -> Result<Option<CurrentUser>, AppError> {
    Ok(super::guard::session().map(|session| session.user))
}

/// Changes the caller's own password. Every session of theirs ends, and
/// this browser gets a fresh one.
#[server(prefix = "/api", endpoint = "auth/change-password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    confirm_password: String,
) -> Result<(), AppError> {
    use super::{guard, password_hash, sessions};
    let session = guard::require_signed_in()?;
    if new_password != confirm_password {
        return Err(AppError::invalid(
            "confirm_password",
            "The two new passwords differ.",
        ));
    }
    torvan::password::check_new_password(&new_password, &session.user.email)
        .map_err(|problem| AppError::invalid("new_password", problem.to_string()))?;

    let pool = crate::state::pool()?;
    let stored: String = sqlx::query_scalar("SELECT password_hash FROM auth.users WHERE id = $1")
        .bind(session.user.id)
        .fetch_one(&pool)
        .await?;
    if !password_hash::verify(current_password, stored)
        .await?
        .matches
    {
        return Err(AppError::invalid(
            "current_password",
            "The current password is not right.",
        ));
    }
    let new_hash = password_hash::hash(new_password).await?;
    let settings = crate::state::auth_settings()?;
    let request = crate::state::RequestInfo::current();

    let mut tx = crate::db::begin_as(&pool, &session).await?;
    sqlx::query(
        "UPDATE auth.users SET password_hash = $2, password_changed_at = now() WHERE id = $1",
    )
    .bind(session.user.id)
    .bind(new_hash)
    .execute(&mut *tx)
    .await?;
    sessions::end_all_sessions(
        &mut tx,
        session.user.id,
        sessions::EndReason::PasswordChanged,
    )
    .await?;
    let fresh = sessions::start(
        &mut tx,
        session.user.id,
        &settings.sessions,
        chrono::Utc::now(),
        request.client(),
    )
    .await?;
    tx.commit().await?;
    crate::state::set_cookie(&sessions::session_cookie(&fresh.token, &settings));
    Ok(())
}
