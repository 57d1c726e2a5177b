//! The sign-in procedure: every attempt recorded, five consecutive failures
//! lock the account for a while, and the answer never tells an unknown email
//! from a wrong password or a locked account. The server function reads the
//! account (`account`), reserves the attempt (`reserve`), judges it away
//! from the database (`judge`: checking a password is slow), then records
//! it in a transaction of its own: `accept` acting as the user now signed
//! in, `refuse` acting as nobody.
//!
//! The lock holds under concurrency because the attempt is counted before
//! its password is checked, in one `UPDATE … RETURNING` that refuses a
//! locked account and takes the lock itself when it makes the fifth: of a
//! burst, exactly five are checked. A right password clears the count only
//! if no other attempt has locked the account meanwhile.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use torvan::session::{LockoutPolicy, SessionPolicy};
use torvan::{DbEnum, Role, UserStatus};
use uuid::Uuid;

use super::CurrentUser;
use super::password_hash;
use super::sessions::{self, Client, Issued, StartReason};
use crate::error::AppError;

/// An account as sign-in needs it, its role and status parsed.
pub struct Account {
    id: Uuid,
    email: String,
    first_name: String,
    last_name: String,
    role: Role,
    status: UserStatus,
    password_hash: String,
    must_change_password: bool,
}

impl Account {
    pub fn id(&self) -> Uuid {
        self.id
    }
}

/// Why an attempt was refused, as `audit.login_attempts.failure_reason`
/// records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    UnknownEmail,
    AccountNotActive,
    Locked,
    BadPassword,
}

impl Refusal {
    fn as_db_str(self) -> &'static str {
        match self {
            Self::UnknownEmail => "UNKNOWN_EMAIL",
            Self::AccountNotActive => "ACCOUNT_NOT_ACTIVE",
            Self::Locked => "LOCKED",
            Self::BadPassword => "BAD_PASSWORD",
        }
    }
}

/// An attempt before its password is checked.
pub enum Attempt {
    /// Refused already: its password is checked against a decoy only.
    Refused(Refusal),
    /// Counted against an active, unlocked account as its `number`th
    /// consecutive attempt.
    Reserved { account: Account, number: i32 },
}

/// What an attempt comes to once its password is checked.
pub enum Verdict {
    /// The right password for an account that may sign in; `rehashed` is
    /// its hash under today's parameters when the stored one is older.
    Accepted {
        account: Account,
        number: i32,
        rehashed: Option<String>,
    },
    /// Refused; a wrong password stays counted against its account.
    Refused(Refusal),
}

pub struct SignedIn {
    pub user: CurrentUser,
    pub must_change_password: bool,
    pub session: Issued,
}

/// The email address as accounts are matched: trimmed and lower-case.
pub fn folded(email: &str) -> String {
    email.trim().to_lowercase()
}

/// The account of `email` (folded), if there is one.
pub async fn account(conn: &mut PgConnection, email: &str) -> Result<Option<Account>, AppError> {
    let row = sqlx::query!(
        r#"SELECT id, email, first_name, last_name, role::text AS "role!",
                status::text AS "status!", password_hash, must_change_password
         FROM auth.users WHERE lower(email) = $1"#,
        email,
    )
    .fetch_optional(conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(Account {
        id: row.id,
        email: row.email,
        first_name: row.first_name,
        last_name: row.last_name,
        role: Role::parse(&row.role)?,
        status: UserStatus::parse(&row.status)?,
        password_hash: row.password_hash,
        must_change_password: row.must_change_password,
    }))
}

/// Counts the attempt against its account before the password is checked:
/// refused if the account is unknown, not active, or locked (a lock whose
/// time has passed starts the count afresh). The attempt that makes
/// `max_failures` takes the lock itself, so none after it is checked.
pub async fn reserve(
    conn: &mut PgConnection,
    account: Option<Account>,
    lockout: &LockoutPolicy,
    now: DateTime<Utc>,
) -> Result<Attempt, AppError> {
    let account = match account {
        None => return Ok(Attempt::Refused(Refusal::UnknownEmail)),
        Some(account) if account.status != UserStatus::Active => {
            return Ok(Attempt::Refused(Refusal::AccountNotActive));
        }
        Some(account) => account,
    };
    let number = sqlx::query_scalar!(
        r#"WITH counted AS (
               SELECT id, CASE WHEN locked_until IS NOT NULL THEN 1
                               ELSE coalesce(failed_login_attempts, 0) + 1 END AS number
               FROM auth.users
               WHERE id = $1
                 AND (locked_until <= $2
                      OR (locked_until IS NULL AND coalesce(failed_login_attempts, 0) < $3))
               FOR UPDATE
           )
           UPDATE auth.users u
           SET failed_login_attempts = counted.number,
               locked_until = CASE WHEN counted.number >= $3 THEN $4::timestamptz END
           FROM counted WHERE u.id = counted.id
           RETURNING counted.number AS "number!""#,
        account.id,
        now,
        lockout.max_failures,
        lockout.lock_ends(now),
    )
    .fetch_optional(conn)
    .await?;
    Ok(match number {
        Some(number) => Attempt::Reserved { account, number },
        None => Attempt::Refused(Refusal::Locked),
    })
}

/// Checks `password` against the reserved account; an attempt refused
/// already still spends the time of a check, so timing tells nothing either.
pub async fn judge(attempt: Attempt, password: String) -> Result<Verdict, AppError> {
    let (account, number) = match attempt {
        Attempt::Refused(reason) => return decoy(reason, password).await,
        Attempt::Reserved { account, number } => (account, number),
    };
    let verified = password_hash::verify(password.clone(), account.password_hash.clone()).await?;
    if !verified.matches {
        return Ok(Verdict::Refused(Refusal::BadPassword));
    }
    let rehashed = match verified.needs_rehash {
        true => Some(password_hash::hash(password).await?),
        false => None,
    };
    Ok(Verdict::Accepted {
        account,
        number,
        rehashed,
    })
}

async fn decoy(reason: Refusal, password: String) -> Result<Verdict, AppError> {
    password_hash::verify_decoy(password).await?;
    Ok(Verdict::Refused(reason))
}

/// Records a successful sign-in and starts the session, in the caller's
/// transaction acting as the account; `None` when another attempt locked
/// the account while this one was checked (the lock stands, nothing is
/// written: see `clear`).
#[allow(clippy::too_many_arguments)]
pub async fn accept(
    conn: &mut PgConnection,
    policy: &SessionPolicy,
    lockout: &LockoutPolicy,
    account: Account,
    number: i32,
    rehashed: Option<String>,
    now: DateTime<Utc>,
    client: Client<'_>,
) -> Result<Option<SignedIn>, AppError> {
    let counted = Counted {
        account: account.id,
        number,
        rehashed,
    };
    if !clear(conn, lockout, counted, now, Some(now)).await? {
        return Ok(None);
    }
    let session =
        sessions::start(conn, account.id, policy, now, client, StartReason::SignIn).await?;
    record_attempt(conn, &account.email, None, client).await?;
    Ok(Some(SignedIn {
        user: CurrentUser {
            id: account.id,
            role: account.role,
            name: format!("{} {}", account.first_name, account.last_name),
            email: account.email,
        },
        must_change_password: account.must_change_password,
        session,
    }))
}

/// An attempt whose password was right: its account, its place in the
/// count, and its hash under today's parameters when the stored one is older.
pub struct Counted {
    pub account: Uuid,
    pub number: i32,
    pub rehashed: Option<String>,
}

/// Clears the count a right password ends, and stores a fresh hash if there
/// is one; with `signed_in_at`, records it as the last sign-in. `false`, and
/// nothing written, when another attempt locked the account while this one
/// was checked. The attempt's own reservation may have taken the lock, being
/// the last let through: then the count is still `number`.
pub async fn clear(
    conn: &mut PgConnection,
    lockout: &LockoutPolicy,
    counted: Counted,
    now: DateTime<Utc>,
    signed_in_at: Option<DateTime<Utc>>,
) -> Result<bool, AppError> {
    let cleared = sqlx::query!(
        "UPDATE auth.users SET failed_login_attempts = 0, locked_until = NULL,
                last_login_at = coalesce($2, last_login_at),
                password_hash = coalesce($3, password_hash)
         WHERE id = $1
           AND (locked_until IS NULL
                OR (failed_login_attempts = $4 AND $4 >= $5 AND locked_until = $6))",
        counted.account,
        signed_in_at,
        counted.rehashed,
        counted.number,
        lockout.max_failures,
        lockout.lock_ends(now),
    )
    .execute(&mut *conn)
    .await?;
    Ok(cleared.rows_affected() > 0)
}

/// Records a refused attempt at `email`, acting as nobody; a wrong
/// password was counted against its account when it was reserved.
pub async fn refuse(
    conn: &mut PgConnection,
    email: &str,
    reason: Refusal,
    client: Client<'_>,
) -> Result<(), AppError> {
    record_attempt(conn, email, Some(reason), client).await?;
    tracing::info!(%email, reason = reason.as_db_str(), "sign-in refused");
    Ok(())
}

async fn record_attempt(
    conn: &mut PgConnection,
    email: &str,
    refused: Option<Refusal>,
    client: Client<'_>,
) -> Result<(), AppError> {
    sqlx::query!(
        "INSERT INTO audit.login_attempts (email, success, failure_reason, ip_address, user_agent)
         VALUES ($1, $2, $3, $4::text::inet, $5)",
        email,
        refused.is_none(),
        refused.map(Refusal::as_db_str),
        client.ip,
        client.user_agent,
    )
    .execute(conn)
    .await?;
    Ok(())
}
