//! Write transactions that name their author: the audit trigger reads the
//! acting user and session from these transaction-local settings, so every
//! change and its audit row commit (or roll back) together.

use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres, Transaction};
use uuid::Uuid;

use crate::auth::guard::SessionUser;
use crate::error::AppError;

/// A connection for a server function that only reads: feature functions
/// take `&mut PgConnection`, so the same read serves a page and a write's
/// own transaction.
pub async fn connection() -> Result<PoolConnection<Postgres>, AppError> {
    Ok(crate::state::pool()?.acquire().await?)
}

pub async fn begin_as(
    pool: &PgPool,
    session: &SessionUser,
) -> Result<Transaction<'static, Postgres>, sqlx::Error> {
    begin_acting(pool, session.user.id, Some(session.session_id)).await
}

/// For writes made on behalf of a user before they have a session (sign-in).
pub async fn begin_acting(
    pool: &PgPool,
    user_id: Uuid,
    session_id: Option<Uuid>,
) -> Result<Transaction<'static, Postgres>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query!(
        r#"SELECT set_config('app.current_user_id', $1, true) AS "user!",
                  set_config('app.current_session_id', $2, true) AS "session!""#,
        user_id.to_string(),
        session_id.map(|id| id.to_string()).unwrap_or_default(),
    )
    .fetch_one(&mut *tx)
    .await?;
    Ok(tx)
}
