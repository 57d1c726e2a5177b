//! Applying a lifecycle move: the order row is locked, its version compared
//! with the one the page showed, the move checked against the domain's
//! state machine over what the order's builds stand at (`BuildState`),
//! then the status, version and history written together, with the mover's
//! signature when the move releases product (QC complete, shipped). Entering
//! production generates every build's tasks in the same transaction;
//! entering pre-QC or final QC makes each build's checklist, and QC sending
//! an order back to production gives each failed build its rework task.

use sqlx::PgConnection;
use torvan::order_lifecycle::{self, MoveRefused};
use torvan::quality::QcPhase;
use torvan::signature::{Meaning, order_move_meaning};
use torvan::{DbEnum, OrderNumber, OrderStatus};

use crate::auth::guard::SessionUser;
use crate::auth::sessions::Client;
use crate::error::AppError;
use crate::orders::build_state::BuildState;
use crate::orders::lock::lock_order;

pub struct Change<'a> {
    pub order_number: &'a OrderNumber,
    pub to: OrderStatus,
    pub reason: Option<&'a str>,
    pub version: i32,
    /// The meaning the mover signed with, its password already confirmed;
    /// a move that releases product is refused without one.
    pub signed: Option<Meaning>,
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
    conn: &mut PgConnection,
    session: &SessionUser,
    change: Change<'_>,
    client: Client<'_>,
) -> Result<(), AppError> {
    let order = lock_order(conn, change.order_number).await?;
    order.check_version(change.version)?;
    let from = order.status;
    // Read under the order's lock: every BOM action takes it for share
    // (`refuse_if_shipped`), so the gates cannot change while this move runs.
    let facts = BuildState::read(conn, order.id).await?.facts();
    order_lifecycle::check(session.user.role, from, change.to, change.reason, &facts)
        .map_err(refused)?;

    if order_move_meaning(change.to) != change.signed {
        return Err(AppError::invalid(
            "password",
            "This move is signed: enter your password to sign it.",
        ));
    }

    let moved = sqlx::query_scalar!(
        "UPDATE orders.orders
         SET status = $3::text::order_status, version = version + 1,
             actual_ship_date = CASE WHEN $3 = 'SHIPPED' THEN CURRENT_DATE ELSE actual_ship_date END,
             actual_completion_date = CASE WHEN $3 = 'PRODUCTION_COMPLETE' THEN CURRENT_DATE
                                           ELSE actual_completion_date END
         WHERE id = $1 AND version = $2
         RETURNING version",
        order.id,
        change.version,
        change.to.as_db_str(),
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::Conflict)?;
    if let Some(meaning) = change.signed {
        let record = (order.id, change.order_number, moved);
        super::signed::sign_move(conn, session.user.id, record, meaning).await?;
    }
    if from == OrderStatus::Pending && change.to == OrderStatus::InProduction {
        sqlx::query!(
            "UPDATE orders.order_sink_configurations
             SET configuration_status = 'IN_PRODUCTION', version = version + 1
             WHERE order_id = $1",
            order.id,
        )
        .execute(&mut *conn)
        .await?;
        crate::tasks::generate::for_order(conn, session.user.id, order.id).await?;
    }
    let qc_phase = match change.to {
        OrderStatus::PreQc => Some(QcPhase::PreQc),
        OrderStatus::FinalQc => Some(QcPhase::FinalQc),
        _ => None,
    };
    if let Some(phase) = qc_phase {
        crate::quality::generate::for_order(conn, session.user.id, order.id, phase).await?;
    }
    if change.to == OrderStatus::InProduction
        && matches!(from, OrderStatus::PreQc | OrderStatus::FinalQc)
    {
        crate::tasks::rework::for_failed_checklists(conn, session.user.id, order.id).await?;
    }
    sqlx::query!(
        "INSERT INTO orders.order_status_history
             (order_id, from_status, to_status, changed_by, change_reason, ip_address, user_agent)
         VALUES ($1, $2::text::order_status, $3::text::order_status, $4, $5, $6::text::inet, $7)",
        order.id,
        from.as_db_str(),
        change.to.as_db_str(),
        session.user.id,
        change.reason,
        client.ip,
        client.user_agent,
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}
