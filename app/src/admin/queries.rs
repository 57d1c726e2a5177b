//! Reads of user accounts: the list with each account's live sessions,
//! and one account's email address (which a new password may not contain);
//! and the last verification of the audit chain.

use sqlx::PgConnection;
use torvan::{DbEnum, Role, UserStatus};
use uuid::Uuid;

use super::model::{ChainVerification, UserRow};
use crate::error::AppError;

/// Every account, the caller's (`viewer`) marked as theirs.
pub async fn list(conn: &mut PgConnection, viewer: Uuid) -> Result<Vec<UserRow>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT u.id, u.first_name, u.last_name, u.email, u.role::text AS "role!",
                u.status::text AS "status!", u.last_login_at,
                CASE WHEN u.locked_until > now() THEN u.locked_until END AS locked_until,
                (SELECT count(*) FROM auth.user_sessions s
                 WHERE s.user_id = u.id AND s.is_active AND s.expires_at > now()) AS "active_sessions!"
         FROM auth.users u ORDER BY u.last_name, u.first_name"#
    )
    .fetch_all(conn)
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
                is_viewer: row.id == viewer,
            })
        })
        .collect()
}

pub async fn email_of(conn: &mut PgConnection, user_id: Uuid) -> Result<String, AppError> {
    sqlx::query_scalar!("SELECT email FROM auth.users WHERE id = $1", user_id)
        .fetch_optional(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// The most recent `torvan audit verify`, if it ever ran.
pub async fn last_chain_verification(
    conn: &mut PgConnection,
) -> Result<Option<ChainVerification>, AppError> {
    let row = sqlx::query!(
        r#"SELECT verified_at, rows_checked, last_seq, ok,
                  'seq ' || bad_seq || ' (' || bad_table || coalesce(' ' || bad_id, '') || '): '
                      || problem AS broken
           FROM audit.chain_verifications
           ORDER BY verified_at DESC
           LIMIT 1"#
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|row| ChainVerification {
        verified_at: row.verified_at,
        rows_checked: row.rows_checked,
        last_seq: row.last_seq,
        broken: if row.ok {
            None
        } else {
            Some(row.broken.unwrap_or_default())
        },
    }))
}
