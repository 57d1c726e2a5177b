//! Reads of user accounts: the list with each account's live sessions,
//! and one account's email address (which a new password may not contain);
//! the last verification of the audit chain and the latest health checks.

use sqlx::PgConnection;
use torvan::db_health::{HealthCheck, HealthResult};
use torvan::{DbEnum, Role, UserStatus};
use uuid::Uuid;

use super::model::{ChainVerification, HealthReading, UserRow};
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

/// The latest database health check of each kind that ever ran: one index
/// lookup per kind (`idx_health_checks_latest`), however many are stored.
pub async fn latest_health_checks(conn: &mut PgConnection) -> Result<Vec<HealthReading>, AppError> {
    let kinds: Vec<String> = HealthCheck::ALL
        .iter()
        .map(|check| check.as_db_str().to_owned())
        .collect();
    let rows = sqlx::query!(
        r#"SELECT latest.check_type AS "check_type!", latest.check_result AS "check_result!",
                  coalesce(latest.message, '') AS "message!", latest.checked_at AS "checked_at!"
           FROM unnest($1::text[]) WITH ORDINALITY AS kind(check_type, position)
           CROSS JOIN LATERAL (
               SELECT h.check_type, h.check_result, h.message, h.checked_at
               FROM system.database_health_checks h
               WHERE h.check_type = kind.check_type
               ORDER BY h.checked_at DESC
               LIMIT 1) latest
           ORDER BY kind.position"#,
        &kinds,
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(HealthReading {
                check: HealthCheck::parse(&row.check_type)?,
                result: HealthResult::parse(&row.check_result)?,
                message: row.message,
                checked_at: row.checked_at,
            })
        })
        .collect()
}
