//! The sign-in, sign-out and own-password server functions, and who is
//! signed in. Sign-in has no session to act as: an accepted attempt is
//! recorded acting as the user it signs in; counting an attempt against its
//! account, and recording a refused one, act as the `sign-in` system actor.

use leptos::prelude::*;

use super::CurrentUser;
use crate::error::AppError;

/// Signs in and sets the session cookie. Returns where to go next: the
/// password page when an administrator set the password.
#[server(prefix = "/api", endpoint = "auth/sign-in")]
pub async fn sign_in(email: String, password: String) -> Result<String, AppError> {
    use super::sign_in::{self, Verdict};
    use super::{sessions, throttle};
    use torvan::SystemActor;
    let pool = crate::state::pool()?;
    let settings = crate::state::auth_settings()?;
    let request = crate::state::RequestInfo::current();
    let now = chrono::Utc::now();
    let email = sign_in::folded(&email);
    let (admitted, account) = {
        let mut conn = crate::db::connection().await?;
        let policy = torvan::throttle::ThrottlePolicy::default();
        let buckets = throttle::sign_in(&policy, request.client().ip);
        let admitted = throttle::admit(&mut conn, &buckets, now).await?;
        (admitted, sign_in::account(&mut conn, &email).await?)
    };
    let mut tx = crate::db::begin_system(&pool, SystemActor::SignIn).await?;
    let attempt = sign_in::reserve(&mut tx, account, &settings.lockout, now).await?;
    tx.commit().await?;
    let refusal = match sign_in::judge(attempt, password).await? {
        Verdict::Accepted {
            account,
            number,
            rehashed,
        } => {
            let mut tx = crate::db::begin_acting(&pool, account.id(), None).await?;
            let accepted = sign_in::accept(
                &mut tx,
                &settings.sessions,
                &settings.lockout,
                account,
                number,
                rehashed,
                now,
                request.client(),
            )
            .await?;
            if let Some(signed_in) = accepted {
                admitted.give_back(&mut tx).await?;
                tx.commit().await?;
                crate::state::set_cookie(&sessions::session_cookie(
                    &signed_in.session.token,
                    &settings,
                ));
                tracing::info!(user = %signed_in.user.email, "signed in");
                let next = match signed_in.must_change_password {
                    true => crate::routes::CHANGE_PASSWORD,
                    false => "/",
                };
                return Ok(next.to_owned());
            }
            sign_in::Refusal::Locked
        }
        Verdict::Refused(reason) => reason,
    };
    // Nobody to act as: the refusal is recorded by sign-in itself.
    let mut tx = crate::db::begin_system(&pool, SystemActor::SignIn).await?;
    sign_in::refuse(&mut tx, &email, refusal, request.client()).await?;
    tx.commit().await?;
    Err(AppError::SignInFailed)
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
/// this browser gets a fresh one. The current-password check is throttled
/// as sign-in is: per address, per account and for everyone.
#[server(prefix = "/api", endpoint = "auth/change-password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    confirm_password: String,
) -> Result<(), AppError> {
    use super::{guard, password_change, password_hash, sessions, throttle};
    let session = guard::require_signed_in()?;
    torvan::account::new_password(&new_password, &confirm_password, &session.user.email)
        .map_err(|error| AppError::invalid(&error.field, error.message))?;
    let request = crate::state::RequestInfo::current();
    let (admitted, stored) = {
        let mut conn = crate::db::connection().await?;
        let policy = torvan::throttle::ThrottlePolicy::default();
        let buckets = throttle::password_change(&policy, session.user.id, request.client().ip);
        let admitted = throttle::admit(&mut conn, &buckets, chrono::Utc::now()).await?;
        (
            admitted,
            password_change::stored_hash(&mut conn, session.user.id).await?,
        )
    };
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
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    admitted.give_back(&mut tx).await?;
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
