//! The sign-in procedure: every attempt recorded, five consecutive failures
//! lock the account for a while, and the answer never tells an unknown email
//! from a wrong password or a locked account.

use chrono::{DateTime, Utc};
use sqlx::PgPool;
use torvan::{DbEnum, Role};
use uuid::Uuid;

use super::CurrentUser;
use super::password_hash::{self, Verified};
use super::sessions::{self, AuthSettings, Client, Issued};
use crate::db::begin_acting;
use crate::error::AppError;

#[derive(sqlx::FromRow)]
struct Account {
    id: Uuid,
    email: String,
    first_name: String,
    last_name: String,
    role: String,
    status: String,
    password_hash: String,
    locked_until: Option<DateTime<Utc>>,
}

pub struct SignedIn {
    pub user: CurrentUser,
    pub session: Issued,
}

pub async fn sign_in(
    pool: &PgPool,
    settings: &AuthSettings,
    email: &str,
    password: String,
    now: DateTime<Utc>,
    client: Client<'_>,
) -> Result<SignedIn, AppError> {
    let email = email.trim().to_lowercase();
    let account = sqlx::query_as::<_, Account>(
        "SELECT id, email, first_name, last_name, role::text AS role, status::text AS status,
                password_hash, locked_until
         FROM auth.users WHERE lower(email) = $1",
    )
    .bind(&email)
    .fetch_optional(pool)
    .await?;

    let refusal = match &account {
        None => Some("UNKNOWN_EMAIL"),
        Some(account) if account.status != "ACTIVE" => Some("ACCOUNT_NOT_ACTIVE"),
        Some(account) if account.locked_until.is_some_and(|until| until > now) => Some("LOCKED"),
        Some(_) => None,
    };
    let wrong_password_for = match (account, refusal) {
        (Some(account), None) => {
            let verified =
                password_hash::verify(password.clone(), account.password_hash.clone()).await?;
            if verified.matches {
                return succeed(pool, settings, account, password, verified, now, client).await;
            }
            Some(account.id)
        }
        _ => {
            password_hash::verify_decoy(password).await?;
            None
        }
    };
    let reason = refusal.unwrap_or("BAD_PASSWORD");

    let mut tx = pool.begin().await?;
    if let Some(account_id) = wrong_password_for {
        // A lock that has run out starts the count afresh.
        let failures: i32 = sqlx::query_scalar(
            "UPDATE auth.users SET failed_login_attempts =
                 CASE WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN 1
                      ELSE coalesce(failed_login_attempts, 0) + 1 END,
                 locked_until = NULL
             WHERE id = $1 RETURNING failed_login_attempts",
        )
        .bind(account_id)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        if let Some(until) = settings.lockout.lock_after(failures, now) {
            sqlx::query("UPDATE auth.users SET locked_until = $2 WHERE id = $1")
                .bind(account_id)
                .bind(until)
                .execute(&mut *tx)
                .await?;
        }
    }
    record_attempt(&mut tx, &email, Some(reason), &client).await?;
    tx.commit().await?;
    tracing::info!(%email, reason, "sign-in refused");
    Err(AppError::SignInFailed)
}

async fn succeed(
    pool: &PgPool,
    settings: &AuthSettings,
    account: Account,
    password: String,
    verified: Verified,
    now: DateTime<Utc>,
    client: Client<'_>,
) -> Result<SignedIn, AppError> {
    let rehashed = match verified.needs_rehash {
        true => Some(password_hash::hash(password).await?),
        false => None,
    };
    let mut tx = begin_acting(pool, account.id, None).await?;
    sqlx::query(
        "UPDATE auth.users SET failed_login_attempts = 0, locked_until = NULL, last_login_at = $2,
                password_hash = coalesce($3, password_hash)
         WHERE id = $1",
    )
    .bind(account.id)
    .bind(now)
    .bind(rehashed)
    .execute(&mut *tx)
    .await?;
    let session = sessions::start(
        &mut tx,
        account.id,
        &settings.sessions,
        now,
        Client {
            ip: client.ip,
            user_agent: client.user_agent,
        },
    )
    .await?;
    record_attempt(&mut tx, &account.email, None, &client).await?;
    tx.commit().await?;
    Ok(SignedIn {
        user: CurrentUser {
            id: account.id,
            role: Role::parse(&account.role)?,
            name: format!("{} {}", account.first_name, account.last_name),
            email: account.email,
        },
        session,
    })
}

async fn record_attempt(
    conn: &mut sqlx::PgConnection,
    email: &str,
    failure_reason: Option<&str>,
    client: &Client<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit.login_attempts (email, success, failure_reason, ip_address, user_agent)
         VALUES ($1, $2, $3, $4::inet, $5)",
    )
    .bind(email)
    .bind(failure_reason.is_none())
    .bind(failure_reason)
    .bind(client.ip)
    .bind(client.user_agent)
    .execute(conn)
    .await?;
    Ok(())
}
