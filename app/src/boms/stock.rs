//! The stock a BOM version holds, as its ledger rows show it, and what
//! ends the hold: a withdrawn approval releases it, issuing it to the build
//! consumes it (topped up first with what has arrived since approval).
//! Either way the ledger keeps one row per part, written in the caller's
//! transaction with the version's status change.

use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::bom::BomStatus;
use torvan::lots::IssueChoice;
use torvan::stock::{Movement, Quantity};
use uuid::Uuid;

use super::approve::{allocate, refuse_move, status};
use crate::error::AppError;
use crate::inventory::lots::movements::{self, Destination};
use crate::inventory::stock::{AllocationMode, Reference, StockError, Trace, apply};

pub const REFERENCE_KIND: &str = "BOM";

/// A stock refusal said at the BOM's stock actions.
pub(super) fn stock_error(error: StockError) -> AppError {
    error.at("stock")
}

/// How a version's hold ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Settlement {
    /// Back to the shelf's available stock.
    Release,
    /// To the build: the lots and serials suggested for each part.
    Issue,
}

/// Ends what the version holds of each part; returns how many parts it
/// moved.
pub(super) async fn settle(
    conn: &mut PgConnection,
    user_id: Uuid,
    bom_id: Uuid,
    settlement: Settlement,
) -> Result<usize, AppError> {
    let id = bom_id.to_string();
    let held = sqlx::query!(
        r#"SELECT part_id, sum(allocated_change)::bigint AS "units!"
           FROM inventory.stock_movements
           WHERE reference_type = $1 AND reference_id = $2
           GROUP BY part_id HAVING sum(allocated_change) > 0 ORDER BY part_id"#,
        REFERENCE_KIND,
        &id
    )
    .fetch_all(&mut *conn)
    .await?;
    let reference = Reference {
        kind: REFERENCE_KIND,
        id: &id,
    };
    let to_build = Destination {
        reference,
        build_id: None,
        note: None,
        user_id,
    };
    let mut moved = 0;
    for row in held {
        let Ok(units) = Quantity::new(i32::try_from(row.units).unwrap_or(i32::MAX)) else {
            continue;
        };
        match settlement {
            Settlement::Release => apply(
                conn,
                row.part_id,
                Movement::Release(units),
                Trace::default(),
                Some(reference),
                None,
                Some(user_id),
            )
            .await
            .map(drop),
            Settlement::Issue => {
                let choice = IssueChoice::default();
                movements::issue(conn, row.part_id, units, &choice, &to_build)
                    .await
                    .map(drop)
            }
        }
        .map_err(stock_error)?;
        moved += 1;
    }
    Ok(moved)
}

/// Withdraws an approval: the version becomes obsolete and its stock goes
/// back to the shelf's available quantity.
pub async fn withdraw(
    conn: &mut PgConnection,
    user_id: Uuid,
    bom_id: Uuid,
) -> Result<(), AppError> {
    let (from, _) = status(conn, bom_id).await?;
    if from != BomStatus::Approved {
        return Err(refuse_move(from, BomStatus::Obsolete));
    }
    sqlx::query!(
        "UPDATE orders.boms SET status = $2, is_active = FALSE WHERE id = $1",
        bom_id,
        BomStatus::Obsolete.as_db_str()
    )
    .execute(&mut *conn)
    .await?;
    settle(conn, user_id, bom_id, Settlement::Release).await?;
    Ok(())
}

/// Issues an approved version's parts to its build: what it holds, topped
/// up first from the shelf with whatever of its outstanding need has
/// arrived since approval; returns how many parts were issued.
pub async fn issue(
    conn: &mut PgConnection,
    user_id: Uuid,
    bom_id: Uuid,
) -> Result<usize, AppError> {
    let (current, _) = status(conn, bom_id).await?;
    if current != BomStatus::Approved {
        return Err(AppError::invalid(
            "stock",
            "Only an approved BOM's stock can be issued to the build.",
        ));
    }
    allocate(conn, user_id, bom_id, AllocationMode::WhatIsAvailable).await?;
    let issued = settle(conn, user_id, bom_id, Settlement::Issue).await?;
    if issued == 0 {
        return Err(AppError::invalid(
            "stock",
            "Nothing to issue: every part was issued already, or none of what is missing is in stock.",
        ));
    }
    Ok(issued)
}
