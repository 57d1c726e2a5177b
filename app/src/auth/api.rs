//! The sign-in, sign-out and own-password server functions, and who is
//! signed in. Sign-in has no session to act as: an accepted attempt is
//! recorded acting as the user it signs in, a refused one as nobody.

use leptos::prelude::*;

use super::CurrentUser;
use crate::error::AppError;

/// Signs in and sets the session cookie. Returns where to go next.
#[server(prefix = "/api", endpoint = "auth/sign-in")]
pub async fn sign_in(email: String, password: String) -> Result<String, AppError> {
    use super::sessions;
    use super::sign_in::{self, Verdict};
    let pool = crate::state::pool()?;
    let settings = crate::state::auth_settings()?;
    let request = crate::state::RequestInfo::current();
    let now = chrono::Utc::now();
    let email = sign_in::folded(&email);
    let account = sign_in::account(&mut *crate::db::connection().await?, &email).await?;
    match sign_in::judge(account, password, now).await? {
        Verdict::Accepted { account, rehashed } => {
            let mut tx = crate::db::begin_acting(&pool, account.id(), None).await?;
            let signed_in = sign_in::accept(
                &mut tx,
                &settings.sessions,
                account,
                rehashed,
                now,
                request.client(),
            )
            .await?;
            tx.commit().await?;
            crate::state::set_cookie(&sessions::session_cookie(
                &signed_in.session.token,
                &settings,
            ));
            tracing::info!(user = %signed_in.user.email, "signed in");
            Ok("/".to_owned())
        }
        Verdict::Refused {
            reason,
            wrong_password_for,
        } => {
            // Nobody to act as: the refusal is recorded anonymously.
            let mut tx = pool.begin().await?;
            sign_in::refuse(
                &mut tx,
                &settings.lockout,
                &email,
                reason,
                wrong_password_for,
                now,
                request.client(),
            )
            .await?;
            tx.commit().await?;
            Err(AppError::SignInFailed)
        }
    }
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
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
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
    use super::{guard, password_change, password_hash, sessions};
    let session = guard::require_signed_in()?;
    torvan::account::new_password(&new_password, &confirm_password, &session.user.email)
        .map_err(|error| AppError::invalid(&error.field, error.message))?;
    let stored =
        password_change::stored_hash(&mut *crate::db::connection().await?, session.user.id).await?;
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
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let fresh = password_change::change_password(
        &mut tx,
        session.user.id,
        new_hash,
        &settings.sessions,
        chrono::Utc::now(),
        request.client(),
    )
    .await?;
    tx.commit().await?;
    crate::state::set_cookie(&sessions::session_cookie(&fresh.token, &settings));
    Ok(())
}
