//! The password asked again to sign a record (§11.200(a): both components
//! of the sign-in, the identification being the signed-in user). It is
//! counted exactly as a sign-in attempt is: reserved against the account
//! before it is checked (`sign_in::reserve`), so wrong passwords while
//! signing and while signing in add up to one lockout, and a locked
//! account cannot sign, as it cannot sign in. A lockout refuses the
//! signing and leaves the session alone, as sign-in leaves other sessions.
//! The checks are throttled as a password change's are.
//!
//! A right password clears the count in a transaction of its own, before
//! the signed action runs: an action refused for its own reasons (stock,
//! separation of duties) is no failed password.

use super::guard::SessionUser;
use super::sign_in::{self, Counted, Refusal, Verdict};
use super::throttle;
use crate::error::AppError;

/// The password field's message for a wrong password.
pub const WRONG_PASSWORD: &str = "That password is not right.";
/// The password field's message once the account is locked.
pub const LOCKED: &str =
    "Too many wrong passwords: this account is locked for a while. Try again later.";

/// Checks that `password` is the signed-in user's, counting the attempt
/// toward the lockout; refused at `password` when it is not.
pub async fn confirm(session: &SessionUser, password: String) -> Result<(), AppError> {
    let pool = crate::state::pool()?;
    let settings = crate::state::auth_settings()?;
    let request = crate::state::RequestInfo::current();
    let now = chrono::Utc::now();
    let admitted = {
        let mut conn = crate::db::connection().await?;
        let policy = torvan::throttle::ThrottlePolicy::default();
        let buckets = throttle::password_change(&policy, session.user.id, request.client().ip);
        throttle::admit(&mut conn, &buckets, now).await?
    };
    // Counted and committed before the check, acting as the signer.
    let attempt = {
        let mut tx = crate::db::begin_as(&pool, session).await?;
        let account = sign_in::account(&mut tx, &sign_in::folded(&session.user.email)).await?;
        let attempt = sign_in::reserve(&mut tx, account, &settings.lockout, now).await?;
        tx.commit().await?;
        attempt
    };
    match sign_in::judge(attempt, password).await? {
        Verdict::Accepted {
            account,
            number,
            rehashed,
        } => {
            let counted = Counted {
                account: account.id(),
                number,
                rehashed,
            };
            let mut tx = crate::db::begin_as(&pool, session).await?;
            if !sign_in::clear(&mut tx, &settings.lockout, counted, now, None).await? {
                return Err(AppError::invalid("password", LOCKED));
            }
            admitted.give_back(&mut tx).await?;
            tx.commit().await?;
            Ok(())
        }
        Verdict::Refused(Refusal::BadPassword) => {
            tracing::info!(user = %session.user.email, "signing refused: wrong password");
            Err(AppError::invalid("password", WRONG_PASSWORD))
        }
        Verdict::Refused(Refusal::Locked) => Err(AppError::invalid("password", LOCKED)),
        Verdict::Refused(Refusal::UnknownEmail | Refusal::AccountNotActive) => {
            Err(AppError::Forbidden)
        }
    }
}
