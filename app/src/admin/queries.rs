use chrono::{DateTime, Utc};
use sqlx::{PgPool, Postgres, Transaction};
use torvan::account::{self, EMAIL_LIMIT};
use torvan::text::limited;
use torvan::{DbEnum, Role, UserStatus};
use uuid::Uuid;

use super::api::UserRow;
use crate::auth::guard::SessionUser;
use crate::auth::sessions::{EndReason, end_all_sessions};
use crate::db::begin_as;
use crate::error::AppError;

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    first_name: String,
    last_name: String,
    email: String,
    role: String,
    status: String,
    last_login_at: Option<DateTime<Utc>>,
    locked_until: Option<DateTime<Utc>>,
    active_sessions: i64,
}

pub async fn list(pool: &PgPool) -> Result<Vec<UserRow>, AppError> {
    let rows = sqlx::query_as::<_, Row>(
        "SELECT u.id, u.first_name, u.last_name, u.email, u.role::text AS role,
                u.status::text AS status, u.last_login_at,
                CASE WHEN u.locked_until > now() THEN u.locked_until END AS locked_until,
                (SELECT count(*) FROM auth.user_sessions s
                 WHERE s.user_id = u.id AND s.is_active AND s.expires_at > now()) AS active_sessions
         FROM auth.users u ORDER BY u.last_name, u.first_name",
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(UserRow {
                id: row.id,
                name: format!("{} {}", row.first_name, row.last_name),
                email: row.email,
                role: Role::parse(&row.role)?,
                status: UserStatus::parse(&row.status)?,
                last_login_at: row.last_login_at,
                locked_until: row.locked_until,
                active_sessions: row.active_sessions,
            })
        })
        .collect()
}

/// A new account's details, checked before anything is written.
pub struct NewUser {
    email: String,
    first_name: String,
    last_name: String,
    role: Role,
}

impl NewUser {
    pub fn parse(
        email: &str,
        first_name: &str,
        last_name: &str,
        role: Role,
        password: &str,
    ) -> Result<Self, AppError> {
        let email = limited(email, EMAIL_LIMIT)
            .map_err(|message| AppError::invalid("email", message))?
            .unwrap_or_default()
            .to_lowercase();
        let (local, domain) = email.split_once('@').unwrap_or_default();
        if local.is_empty() || !domain.contains('.') || email.contains(char::is_whitespace) {
            return Err(AppError::invalid(
                "email",
                "Enter an email address like name@example.com.",
            ));
        }
        let first_name = account::name(first_name, "first name")
            .map_err(|message| AppError::invalid("first_name", message))?;
        let last_name = account::name(last_name, "last name")
            .map_err(|message| AppError::invalid("last_name", message))?;
        torvan::password::check_new_password(password, &email)
            .map_err(|problem| AppError::invalid("password", problem.to_string()))?;
        Ok(Self {
            email,
            first_name,
            last_name,
            role,
        })
    }
}

pub async fn create(
    pool: &PgPool,
    session: &SessionUser,
    new: NewUser,
    password_hash: String,
) -> Result<(), AppError> {
    let mut tx = begin_as(pool, session).await?;
    let inserted = sqlx::query(
        "INSERT INTO auth.users (email, password_hash, role, first_name, last_name, created_by)
         VALUES ($1, $2, $3::user_role, $4, $5, $6)
         ON CONFLICT (email) DO NOTHING",
    )
    .bind(&new.email)
    .bind(password_hash)
    .bind(new.role.as_db_str())
    .bind(&new.first_name)
    .bind(&new.last_name)
    .bind(session.user.id)
    .execute(&mut *tx)
    .await?;
    if inserted.rows_affected() == 0 {
        return Err(AppError::invalid(
            "email",
            "An account with this email already exists.",
        ));
    }
    tx.commit().await?;
    Ok(())
}

pub async fn email_of(pool: &PgPool, user_id: Uuid) -> Result<String, AppError> {
    sqlx::query_scalar("SELECT email FROM auth.users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(pool)
        .await?
        .ok_or(AppError::NotFound)
}

/// Commits one change to a user (with its audit row), ending their sessions
/// when the change calls for it; a change that touched no row is NotFound.
async fn commit_user_change(
    mut tx: Transaction<'static, Postgres>,
    rows_affected: u64,
    user_id: Uuid,
    end_sessions: Option<EndReason>,
) -> Result<(), AppError> {
    if rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    if let Some(reason) = end_sessions {
        end_all_sessions(&mut tx, user_id, reason).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn change_role(
    pool: &PgPool,
    session: &SessionUser,
    user_id: Uuid,
    role: Role,
) -> Result<(), AppError> {
    if user_id == session.user.id && role != Role::Admin {
        return Err(AppError::invalid(
            "role",
            "You cannot take the admin role from yourself.",
        ));
    }
    let mut tx = begin_as(pool, session).await?;
    let changed = sqlx::query("UPDATE auth.users SET role = $2::user_role WHERE id = $1")
        .bind(user_id)
        .bind(role.as_db_str())
        .execute(&mut *tx)
        .await?;
    commit_user_change(tx, changed.rows_affected(), user_id, None).await
}

pub async fn set_status(
    pool: &PgPool,
    session: &SessionUser,
    user_id: Uuid,
    status: UserStatus,
) -> Result<(), AppError> {
    if user_id == session.user.id && status != UserStatus::Active {
        return Err(AppError::invalid(
            "status",
            "You cannot suspend or deactivate yourself.",
        ));
    }
    let mut tx = begin_as(pool, session).await?;
    let changed = sqlx::query("UPDATE auth.users SET status = $2::user_status WHERE id = $1")
        .bind(user_id)
        .bind(status.as_db_str())
        .execute(&mut *tx)
        .await?;
    let ends = (status != UserStatus::Active).then_some(EndReason::Suspended);
    commit_user_change(tx, changed.rows_affected(), user_id, ends).await
}

pub async fn reset_password(
    pool: &PgPool,
    session: &SessionUser,
    user_id: Uuid,
    password_hash: String,
) -> Result<(), AppError> {
    let mut tx = begin_as(pool, session).await?;
    let changed = sqlx::query(
        "UPDATE auth.users SET password_hash = $2, password_changed_at = now(),
                failed_login_attempts = 0, locked_until = NULL
         WHERE id = $1",
    )
    .bind(user_id)
    .bind(password_hash)
    .execute(&mut *tx)
    .await?;
    let ends = Some(EndReason::PasswordChanged);
    commit_user_change(tx, changed.rows_affected(), user_id, ends).await
}

pub async fn unlock(pool: &PgPool, session: &SessionUser, user_id: Uuid) -> Result<(), AppError> {
    let mut tx = begin_as(pool, session).await?;
    let changed = sqlx::query(
        "UPDATE auth.users SET failed_login_attempts = 0, locked_until = NULL WHERE id = $1",
    )
    .bind(user_id)
    .execute(&mut *tx)
    .await?;
    commit_user_change(tx, changed.rows_affected(), user_id, None).await
}

pub async fn end_sessions(
    pool: &PgPool,
    session: &SessionUser,
    user_id: Uuid,
) -> Result<(), AppError> {
    let mut tx = begin_as(pool, session).await?;
    end_all_sessions(&mut tx, user_id, EndReason::EndedByAdmin).await?;
    tx.commit().await?;
    Ok(())
}
