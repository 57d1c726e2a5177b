//! Write transactions that name their author: the audit trigger reads who
//! acts (a user and session, or a system actor) and the request's client
//! address and user agent from these transaction-local settings, so every
//! change and its audit row commit (or roll back) together. The trigger
//! refuses a change that names nobody, so every write transaction is opened
//! here.

use sqlx::pool::PoolConnection;
use sqlx::{Acquire, PgConnection, PgPool, Postgres, Transaction};
use torvan::{DbEnum, SystemActor};
use uuid::Uuid;

use crate::auth::guard::SessionUser;
use crate::auth::sessions::Client;
use crate::error::AppError;
use crate::state::RequestInfo;

/// A connection for a server function that only reads: feature functions
/// take `&mut PgConnection`, so the same read serves a page and a write's
/// own transaction.
pub async fn connection() -> Result<PoolConnection<Postgres>, AppError> {
    Ok(crate::state::pool()?.acquire().await?)
}

/// A read of many statements that must agree with each other (a record
/// composed from several features): one read-only transaction that sees
/// one snapshot of the database, and can write nothing.
pub async fn snapshot(pool: &PgPool) -> Result<Transaction<'static, Postgres>, AppError> {
    let mut tx = pool.begin().await?;
    sqlx::query!("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .execute(&mut *tx)
        .await?;
    Ok(tx)
}

/// Who a write transaction acts for.
#[derive(Debug, Clone, Copy)]
pub enum Acting {
    /// A user, in a session once they have one.
    User {
        user_id: Uuid,
        session_id: Option<Uuid>,
    },
    /// A part of the system, on nobody's behalf.
    System(SystemActor),
}

/// A write by the signed-in user of this request.
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
    let acting = Acting::User {
        user_id,
        session_id,
    };
    begin(pool, acting).await
}

/// For writes no user makes: sign-in bookkeeping, the command-line tools,
/// the permission table after migrations. The trail records `actor`.
pub async fn begin_system(
    pool: &PgPool,
    actor: SystemActor,
) -> Result<Transaction<'static, Postgres>, sqlx::Error> {
    begin(pool, Acting::System(actor)).await
}

/// A write transaction on a connection the caller holds, for a caller
/// outside a server function that knows its request's client itself (the
/// host's session middleware).
pub async fn begin_on<'c>(
    conn: &'c mut PgConnection,
    acting: Acting,
    client: Client<'_>,
) -> Result<Transaction<'c, Postgres>, sqlx::Error> {
    let mut tx = conn.begin().await?;
    declare(&mut tx, acting, client).await?;
    Ok(tx)
}

/// Opens a transaction acting as `acting`, from this request's client when
/// there is a request (a command-line tool has none).
async fn begin(
    pool: &PgPool,
    acting: Acting,
) -> Result<Transaction<'static, Postgres>, sqlx::Error> {
    let request = RequestInfo::current();
    let mut tx = pool.begin().await?;
    declare(&mut tx, acting, request.client()).await?;
    Ok(tx)
}

/// Sets the settings the audit trigger reads, for this transaction only.
async fn declare(
    conn: &mut PgConnection,
    acting: Acting,
    client: Client<'_>,
) -> Result<(), sqlx::Error> {
    let (user_id, session_id, actor) = match acting {
        Acting::User {
            user_id,
            session_id,
        } => (Some(user_id), session_id, None),
        Acting::System(actor) => (None, None, Some(actor)),
    };
    let text = |id: Option<Uuid>| id.map(|id| id.to_string()).unwrap_or_default();
    sqlx::query!(
        r#"SELECT set_config('app.current_user_id', $1, true) AS "user!",
                  set_config('app.current_session_id', $2, true) AS "session!",
                  set_config('app.system_actor', $3, true) AS "actor!",
                  set_config('app.client_address', $4, true) AS "address!",
                  set_config('app.user_agent', $5, true) AS "agent!""#,
        text(user_id),
        text(session_id),
        actor.map(SystemActor::as_db_str).unwrap_or_default(),
        client.ip.unwrap_or_default(),
        client.user_agent.unwrap_or_default(),
    )
    .fetch_one(conn)
    .await?;
    Ok(())
}
