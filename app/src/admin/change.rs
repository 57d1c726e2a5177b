//! Changes to an existing account. A change that would let the account
//! keep a session it should lose (suspended, deactivated, password reset)
//! ends its sessions in the same transaction; a change that touches no
//! account is NotFound.

use sqlx::PgConnection;
use torvan::{DbEnum, Role, UserStatus};
use uuid::Uuid;

use crate::auth::sessions::{EndReason, end_all_sessions};
use crate::error::AppError;

fn found(rows_affected: u64) -> Result<(), AppError> {
    match rows_affected {
        0 => Err(AppError::NotFound),
        _ => Ok(()),
    }
}

pub async fn change_role(
    conn: &mut PgConnection,
    user_id: Uuid,
    role: Role,
) -> Result<(), AppError> {
    let changed = sqlx::query!(
        "UPDATE auth.users SET role = $2::text::user_role WHERE id = $1",
        user_id,
        role.as_db_str(),
    )
    .execute(conn)
    .await?;
    found(changed.rows_affected())
}

/// Sets the account's status; any status but active ends its sessions,
/// which the trail says `admin` ended.
pub async fn set_status(
    conn: &mut PgConnection,
    user_id: Uuid,
    status: UserStatus,
    admin: &str,
) -> Result<(), AppError> {
    let changed = sqlx::query!(
        "UPDATE auth.users SET status = $2::text::user_status WHERE id = $1",
        user_id,
        status.as_db_str(),
    )
    .execute(&mut *conn)
    .await?;
    found(changed.rows_affected())?;
    if status != UserStatus::Active {
        end_all_sessions(conn, user_id, EndReason::Suspended { admin }).await?;
    }
    Ok(())
}

/// Sets a new password (and lifts any lock); the account's sessions end,
/// which the trail says `admin` ended.
pub async fn reset_password(
    conn: &mut PgConnection,
    user_id: Uuid,
    password_hash: String,
    admin: &str,
) -> Result<(), AppError> {
    let changed = sqlx::query!(
        "UPDATE auth.users SET password_hash = $2, password_changed_at = now(),
                failed_login_attempts = 0, locked_until = NULL, must_change_password = TRUE
         WHERE id = $1",
        user_id,
        password_hash,
    )
    .execute(&mut *conn)
    .await?;
    found(changed.rows_affected())?;
    end_all_sessions(conn, user_id, EndReason::PasswordReset { admin }).await
}

pub async fn unlock(conn: &mut PgConnection, user_id: Uuid) -> Result<(), AppError> {
    let changed = sqlx::query!(
        "UPDATE auth.users SET failed_login_attempts = 0, locked_until = NULL WHERE id = $1",
        user_id,
    )
    .execute(conn)
    .await?;
    found(changed.rows_affected())
}

/// Ends the account's sessions, which the trail says `admin` ended.
pub async fn end_sessions(
    conn: &mut PgConnection,
    user_id: Uuid,
    admin: &str,
) -> Result<(), AppError> {
    end_all_sessions(conn, user_id, EndReason::EndedByAdmin { admin }).await
}
