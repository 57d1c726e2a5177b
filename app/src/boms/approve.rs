//! Moving a BOM version through its statuses. Approval allocates the
//! stock its lines need (all or nothing, or what is available with the
//! shortages listed) and makes the version approved before it obsolete,
//! releasing that version's stock, all in one transaction.

use sqlx::{PgConnection, PgPool, Postgres, Transaction};
use torvan::DbEnum;
use torvan::bom::BomStatus;
use torvan::stock::{Movement, Quantity};
use uuid::Uuid;

use super::api::Shortage;
use super::stock::{REFERENCE_KIND, settle, stock_error};
use crate::auth::guard::SessionUser;
use crate::error::AppError;
use crate::inventory::stock::{AllocationMode, AllocationReport, Reference, allocate_lines};
use crate::orders::build_state::refuse_if_shipped;

/// Locks a version and reads its status; refuses once its order has
/// shipped, so every action on a version keeps the as-built record.
pub(super) async fn status(
    conn: &mut PgConnection,
    bom_id: Uuid,
) -> Result<(BomStatus, Uuid), AppError> {
    let (status, configuration): (String, Uuid) = sqlx::query_as(
        "SELECT status, configuration_id FROM orders.boms
         WHERE id = $1 AND configuration_id IS NOT NULL FOR UPDATE",
    )
    .bind(bom_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    refuse_if_shipped(conn, configuration).await?;
    Ok((BomStatus::parse(&status)?, configuration))
}

pub(super) fn refuse_move(from: BomStatus, to: BomStatus) -> AppError {
    AppError::invalid(
        "status",
        format!(
            "A BOM that is {} cannot become {}.",
            from.label().to_lowercase(),
            to.label().to_lowercase()
        ),
    )
}

/// Sends a draft for approval, or a pending one back to draft.
pub async fn move_to(
    pool: &PgPool,
    session: &SessionUser,
    bom_id: Uuid,
    to: BomStatus,
) -> Result<(), AppError> {
    let mut tx = crate::db::begin_as(pool, session).await?;
    let (from, _) = status(&mut tx, bom_id).await?;
    if to == BomStatus::Approved || !from.can_move(to) {
        return Err(refuse_move(from, to));
    }
    sqlx::query("UPDATE orders.boms SET status = $2 WHERE id = $1")
        .bind(bom_id)
        .bind(to.as_db_str())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn approve(
    pool: &PgPool,
    session: &SessionUser,
    bom_id: Uuid,
    mode: AllocationMode,
) -> Result<Vec<Shortage>, AppError> {
    let mut tx = crate::db::begin_as(pool, session).await?;
    let (from, configuration) = status(&mut tx, bom_id).await?;
    if !from.can_move(BomStatus::Approved) {
        return Err(refuse_move(from, BomStatus::Approved));
    }
    let previous: Option<Uuid> = sqlx::query_scalar(
        "UPDATE orders.boms SET status = 'OBSOLETE', is_active = FALSE
         WHERE configuration_id = $1 AND status = 'APPROVED' RETURNING id",
    )
    .bind(configuration)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(previous) = previous {
        settle(&mut tx, session.user.id, previous, Movement::Release).await?;
    }
    sqlx::query(
        "UPDATE orders.boms SET status = 'APPROVED', is_active = TRUE, approved_at = now(), approved_by = $2
         WHERE id = $1",
    )
    .bind(bom_id)
    .bind(session.user.id)
    .execute(&mut *tx)
    .await?;
    let report = allocate(&mut tx, session.user.id, bom_id, mode).await?;
    let shortages = shortages(&mut tx, &report).await?;
    if mode == AllocationMode::AllOrNothing && !shortages.is_empty() {
        let listed: Vec<String> = shortages.iter().map(Shortage::to_string).collect();
        return Err(AppError::invalid(
            "stock",
            format!(
                "Not enough stock, nothing was approved or allocated: {}. Approve allocating what is available to list the shortages instead.",
                listed.join("; ")
            ),
        ));
    }
    tx.commit().await?;
    Ok(shortages)
}

/// Allocates what the version still lacks of each part (needed less what
/// it holds and has had issued), in `mode`.
pub(super) async fn allocate(
    tx: &mut Transaction<'_, Postgres>,
    user_id: Uuid,
    bom_id: Uuid,
    mode: AllocationMode,
) -> Result<AllocationReport, AppError> {
    let outstanding: Vec<(Uuid, i32)> = sqlx::query_as(
        "SELECT part_id, needed - held - issued FROM orders.bom_part_standing
         WHERE bom_id = $1 AND needed - held - issued > 0",
    )
    .bind(bom_id)
    .fetch_all(&mut **tx)
    .await?;
    let lines: Vec<(Uuid, Quantity)> = outstanding
        .into_iter()
        .filter_map(|(part, units)| Quantity::new(units).ok().map(|units| (part, units)))
        .collect();
    let id = bom_id.to_string();
    let reference = Reference {
        kind: REFERENCE_KIND,
        id: &id,
    };
    allocate_lines(tx, &lines, reference, Some(user_id), mode)
        .await
        .map_err(stock_error)
}

async fn shortages(
    conn: &mut PgConnection,
    report: &AllocationReport,
) -> Result<Vec<Shortage>, AppError> {
    if report.shortages.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = report.shortages.iter().map(|short| short.part_id).collect();
    let numbers: Vec<(Uuid, String)> =
        sqlx::query_as("SELECT id, part_number FROM inventory.parts WHERE id = ANY($1)")
            .bind(&ids)
            .fetch_all(&mut *conn)
            .await?;
    Ok(report
        .shortages
        .iter()
        .map(|short| Shortage {
            part_number: numbers
                .iter()
                .find(|(id, _)| *id == short.part_id)
                .map(|(_, number)| number.clone())
                .unwrap_or_default(),
            requested: short.requested,
            available: short.available,
        })
        .collect())
}
