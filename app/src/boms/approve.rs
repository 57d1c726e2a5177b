//! Moving a BOM version through its statuses. Approval is signed
//! (`signed`), allocates the
//! stock its lines need (all or nothing, or what is available with the
//! shortages listed) and makes the version approved before it obsolete,
//! releasing that version's stock, all in the caller's transaction, so a
//! refusal leaves every status and every allocation as it was.

use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::bom::BomStatus;
use torvan::stock::Quantity;
use uuid::Uuid;

use super::model::Shortage;
use super::stock::{REFERENCE_KIND, Settlement, settle, stock_error};
use crate::error::AppError;
use crate::inventory::stock::{AllocationMode, AllocationReport, Reference, allocate_lines};
use crate::orders::build_state::refuse_if_shipped;

/// Locks a version and reads its status; refuses once its order has
/// shipped, so every action on a version keeps the as-built record.
pub(super) async fn status(
    conn: &mut PgConnection,
    bom_id: Uuid,
) -> Result<(BomStatus, Uuid), AppError> {
    let row = sqlx::query!(
        r#"SELECT status, configuration_id AS "configuration_id!" FROM orders.boms
           WHERE id = $1 AND configuration_id IS NOT NULL FOR UPDATE"#,
        bom_id
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    refuse_if_shipped(conn, row.configuration_id).await?;
    Ok((BomStatus::parse(&row.status)?, row.configuration_id))
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
pub async fn move_to(conn: &mut PgConnection, bom_id: Uuid, to: BomStatus) -> Result<(), AppError> {
    let (from, _) = status(conn, bom_id).await?;
    if to == BomStatus::Approved || !from.can_move(to) {
        return Err(refuse_move(from, to));
    }
    sqlx::query!(
        "UPDATE orders.boms SET status = $2 WHERE id = $1",
        bom_id,
        to.as_db_str()
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Approves a pending version under `user_id`'s signature (separation of
/// duties permitting), makes the configuration's approved one obsolete
/// (releasing its stock), and allocates the new one's stock in `mode`;
/// returns what could not be allocated.
pub async fn approve(
    conn: &mut PgConnection,
    user_id: Uuid,
    bom_id: Uuid,
    mode: AllocationMode,
) -> Result<Vec<Shortage>, AppError> {
    let (from, configuration) = status(conn, bom_id).await?;
    if !from.can_move(BomStatus::Approved) {
        return Err(refuse_move(from, BomStatus::Approved));
    }
    super::signed::sign_approval(conn, user_id, bom_id).await?;
    let previous = sqlx::query_scalar!(
        "UPDATE orders.boms SET status = $2, is_active = FALSE
         WHERE configuration_id = $1 AND status = $3 RETURNING id",
        configuration,
        BomStatus::Obsolete.as_db_str(),
        BomStatus::Approved.as_db_str()
    )
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(previous) = previous {
        settle(conn, user_id, previous, Settlement::Release).await?;
    }
    mark_approved(conn, user_id, bom_id).await?;
    let report = allocate(conn, user_id, bom_id, mode).await?;
    let shortages = shortages(conn, &report).await?;
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
    Ok(shortages)
}

/// Records the version as approved by `user_id`, now.
pub(super) async fn mark_approved(
    conn: &mut PgConnection,
    user_id: Uuid,
    bom_id: Uuid,
) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE orders.boms SET status = $3, is_active = TRUE, approved_at = now(), approved_by = $2
         WHERE id = $1",
        bom_id,
        user_id,
        BomStatus::Approved.as_db_str()
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Allocates what the version still lacks of each part (needed less what
/// it holds and has had issued), in `mode`, in the caller's transaction
/// (`allocate_lines` rolls an all-or-nothing shortfall back in a savepoint
/// of its own).
pub(super) async fn allocate(
    conn: &mut PgConnection,
    user_id: Uuid,
    bom_id: Uuid,
    mode: AllocationMode,
) -> Result<AllocationReport, AppError> {
    let outstanding = sqlx::query!(
        r#"SELECT part_id AS "part_id!", needed - held - issued AS "units!"
           FROM orders.bom_part_standing
           WHERE bom_id = $1 AND needed - held - issued > 0"#,
        bom_id
    )
    .fetch_all(&mut *conn)
    .await?;
    let lines: Vec<(Uuid, Quantity)> = outstanding
        .into_iter()
        .filter_map(|row| {
            Quantity::new(row.units)
                .ok()
                .map(|units| (row.part_id, units))
        })
        .collect();
    let id = bom_id.to_string();
    let reference = Reference {
        kind: REFERENCE_KIND,
        id: &id,
    };
    allocate_lines(conn, &lines, reference, Some(user_id), mode)
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
    let numbers = sqlx::query!(
        "SELECT id, part_number FROM inventory.parts WHERE id = ANY($1)",
        &ids
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(report
        .shortages
        .iter()
        .map(|short| Shortage {
            part_number: numbers
                .iter()
                .find(|row| row.id == short.part_id)
                .map(|row| row.part_number.clone())
                .unwrap_or_default(),
            requested: short.requested,
            available: short.available,
        })
        .collect())
}
