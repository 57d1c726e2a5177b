//! Applying a lifecycle move: the order row is locked, its version compared
//! with the one the page showed, the move checked against the domain's
//! state machine over what the order's builds stand at (`BuildState`),
//! then the status, version and history written together.

use sqlx::PgPool;
use torvan::order_lifecycle::{self, MoveRefused};
use torvan::{DbEnum, OrderStatus};

use crate::auth::guard::SessionUser;
use crate::auth::sessions::Client;
use crate::error::AppError;
use crate::orders::build_state::BuildState;

pub struct Change<'a> {
    pub order_number: &'a str,
    pub to: OrderStatus,
    pub reason: Option<&'a str>,
    pub version: i32,
}

fn refused(error: MoveRefused) -> AppError {
    let field = if error == MoveRefused::ReasonRequired {
        "reason"
    } else {
        "to"
    };
    AppError::invalid(field, error.to_string())
}

pub async fn change_status(
    pool: &PgPool,
    session: &SessionUser,
    change: Change<'_>,
    client: Client<'_>,
) -> Result<(), AppError> {
    let mut tx = crate::db::begin_as(pool, session).await?;
    let (id, status, version): (uuid::Uuid, String, i32) = sqlx::query_as(
        "SELECT id, status::text, version FROM orders.orders WHERE order_number = $1 FOR UPDATE",
    )
    .bind(change.order_number)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    if version != change.version {
        return Err(AppError::Conflict);
    }
    let from = OrderStatus::parse(&status)?;
    // Read under the order's lock: every BOM action takes it for share
    // (`refuse_if_shipped`), so the gates cannot change while this move runs.
    let facts = BuildState::read(&mut tx, id).await?.facts();
    order_lifecycle::check(session.user.role, from, change.to, change.reason, &facts)
        .map_err(refused)?;

    sqlx::query(
        "UPDATE orders.orders
         SET status = $2::order_status, version = version + 1,
             actual_ship_date = CASE WHEN $2 = 'SHIPPED' THEN CURRENT_DATE ELSE actual_ship_date END,
             actual_completion_date = CASE WHEN $2 = 'PRODUCTION_COMPLETE' THEN CURRENT_DATE
                                           ELSE actual_completion_date END
         WHERE id = $1",
    )
    .bind(id)
    .bind(change.to.as_db_str())
    .execute(&mut *tx)
    .await?;
    if from == OrderStatus::Pending && change.to == OrderStatus::InProduction {
        sqlx::query(
            "UPDATE orders.order_sink_configurations SET configuration_status = 'IN_PRODUCTION'
             WHERE order_id = $1",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query(
        "INSERT INTO orders.order_status_history
             (order_id, from_status, to_status, changed_by, change_reason, ip_address, user_agent)
         VALUES ($1, $2::order_status, $3::order_status, $4, $5, $6::inet, $7)",
    )
    .bind(id)
    .bind(from.as_db_str())
    .bind(change.to.as_db_str())
    .bind(session.user.id)
    .bind(change.reason)
    .bind(client.ip)
    .bind(client.user_agent)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
