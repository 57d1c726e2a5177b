//! The caller's own password change: the stored hash the current password
//! is checked against, and the change itself, which ends every session of
//! the user and starts a fresh one for the browser that made it.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use torvan::session::SessionPolicy;
use uuid::Uuid;

use super::sessions::{self, Client, EndReason, Issued, StartReason};
use crate::error::AppError;

pub async fn stored_hash(conn: &mut PgConnection, user_id: Uuid) -> Result<String, AppError> {
    Ok(sqlx::query_scalar!(
        "SELECT password_hash FROM auth.users WHERE id = $1",
        user_id
    )
    .fetch_one(conn)
    .await?)
}

/// Stores the new hash, which is the user's own (an administrator's is
/// no longer to be changed), and ends the user's sessions; returns the
/// session that replaces the caller's.
pub async fn change_password(
    conn: &mut PgConnection,
    user_id: Uuid,
    new_hash: String,
    policy: &SessionPolicy,
    now: DateTime<Utc>,
    client: Client<'_>,
) -> Result<Issued, AppError> {
    sqlx::query!(
        "UPDATE auth.users SET password_hash = $2, password_changed_at = now(),
                must_change_password = FALSE
         WHERE id = $1",
        user_id,
        new_hash,
    )
    .execute(&mut *conn)
    .await?;
    sessions::end_all_sessions(conn, user_id, EndReason::PasswordChanged).await?;
    sessions::start(
        conn,
        user_id,
        policy,
        now,
        client,
        StartReason::PasswordChanged,
    )
    .await
}
