//! The sign-in procedure: every attempt recorded, five consecutive failures
//! lock the account for a while, and the answer never tells an unknown email
//! from a wrong password or a locked account. The server function reads the
//! account (`account`), judges the attempt away from the database
//! (`judge`: checking a password is slow), then records it in a
//! transaction of its own: `accept` acting as the user now signed in,
//! `refuse` acting as nobody.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use torvan::session::{LockoutPolicy, SessionPolicy};
use torvan::{DbEnum, Role, UserStatus};
use uuid::Uuid;

use super::CurrentUser;
use super::password_hash;
use super::sessions::{self, Client, Issued};
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
    locked_until: Option<DateTime<Utc>>,
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

/// What an attempt comes to once its password is checked.
pub enum Verdict {
    /// The right password for an account that may sign in; `rehashed` is
    /// its hash under today's parameters when the stored one is older.
    Accepted {
        account: Account,
        rehashed: Option<String>,
    },
    /// Refused; a wrong password counts against the account it was for.
    Refused {
        reason: Refusal,
        wrong_password_for: Option<Uuid>,
    },
}

pub struct SignedIn {
    pub user: CurrentUser,
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
                status::text AS "status!", password_hash, locked_until
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
        locked_until: row.locked_until,
    }))
}

/// Checks `password` against the account; an attempt that cannot succeed
/// still spends the time of a check, so timing tells nothing either.
pub async fn judge(
    account: Option<Account>,
    password: String,
    now: DateTime<Utc>,
) -> Result<Verdict, AppError> {
    let account = match account {
        None => return decoy(Refusal::UnknownEmail, password).await,
        Some(account) if account.status != UserStatus::Active => {
            return decoy(Refusal::AccountNotActive, password).await;
        }
        Some(account) if account.locked_until.is_some_and(|until| until > now) => {
            return decoy(Refusal::Locked, password).await;
        }
        Some(account) => account,
    };
    let verified = password_hash::verify(password.clone(), account.password_hash.clone()).await?;
    if !verified.matches {
        return Ok(Verdict::Refused {
            reason: Refusal::BadPassword,
            wrong_password_for: Some(account.id),
        });
    }
    let rehashed = match verified.needs_rehash {
        true => Some(password_hash::hash(password).await?),
        false => None,
    };
    Ok(Verdict::Accepted { account, rehashed })
}

async fn decoy(reason: Refusal, password: String) -> Result<Verdict, AppError> {
    password_hash::verify_decoy(password).await?;
    Ok(Verdict::Refused {
        reason,
        wrong_password_for: None,
    })
}

/// Records a successful sign-in and starts the session, in the caller's
/// transaction acting as the account.
pub async fn accept(
    conn: &mut PgConnection,
    policy: &SessionPolicy,
    account: Account,
    rehashed: Option<String>,
    now: DateTime<Utc>,
    client: Client<'_>,
) -> Result<SignedIn, AppError> {
    sqlx::query!(
        "UPDATE auth.users SET failed_login_attempts = 0, locked_until = NULL, last_login_at = $2,
                password_hash = coalesce($3, password_hash)
         WHERE id = $1",
        account.id,
        now,
        rehashed,
    )
    .execute(&mut *conn)
    .await?;
    let session = sessions::start(conn, account.id, policy, now, client).await?;
    record_attempt(conn, &account.email, None, client).await?;
    Ok(SignedIn {
        user: CurrentUser {
            id: account.id,
            role: account.role,
            name: format!("{} {}", account.first_name, account.last_name),
            email: account.email,
        },
        session,
    })
}

/// Records a refused attempt at `email`; a wrong password counts towards
/// the account's lock, and a lock that has run out starts the count afresh.
pub async fn refuse(
    conn: &mut PgConnection,
    lockout: &LockoutPolicy,
    email: &str,
    reason: Refusal,
    wrong_password_for: Option<Uuid>,
    now: DateTime<Utc>,
    client: Client<'_>,
) -> Result<(), AppError> {
    if let Some(account_id) = wrong_password_for {
        let failures = sqlx::query_scalar!(
            r#"UPDATE auth.users SET failed_login_attempts =
                 CASE WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN 1
                      ELSE coalesce(failed_login_attempts, 0) + 1 END,
                 locked_until = NULL
             WHERE id = $1 RETURNING failed_login_attempts AS "failures!""#,
            account_id,
            now,
        )
        .fetch_one(&mut *conn)
        .await?;
        if let Some(until) = lockout.lock_after(failures, now) {
            sqlx::query!(
                "UPDATE auth.users SET locked_until = $2 WHERE id = $1",
                account_id,
                until,
            )
            .execute(&mut *conn)
            .await?;
        }
    }
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
