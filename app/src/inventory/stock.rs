//! The stock service every feature calls to move stock: receive, adjust,
//! allocate, release, issue, return. Each movement is one guarded UPDATE of
//! the part's counters plus its ledger row, in one statement in the caller's
//! transaction: concurrent allocations queue on the part's row lock and the
//! guard is checked again after the lock, so stock is never oversold.
//!
//! A movement of a lot changes the lot's quantity first, guarded the same
//! way, inside a savepoint with the part's change, so a lot never moves
//! without its ledger row. A movement without a lot may not take more than
//! the part holds outside its lots: the lots never hold more than the shelf.

use sqlx::{Connection, PgConnection};
use torvan::DbEnum;
use torvan::lots::LotProblem;
use torvan::stock::{Movement, Quantity, ReasonRequired, StockLevel, StockProblem};
use uuid::Uuid;

use crate::error::AppError;

/// What a movement is for, kept on its ledger row.
#[derive(Debug, Clone, Copy)]
pub struct Reference<'a> {
    pub kind: &'a str,
    pub id: &'a str,
}

/// Where a movement's parts came from and went to: the lot it moved (none
/// for stock outside the lots) and the build a task took it for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Trace {
    pub lot_id: Option<Uuid>,
    pub build_id: Option<Uuid>,
}

/// A movement written: the part's level after it, and its ledger row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Applied {
    pub level: StockLevel,
    pub movement_id: Uuid,
}

#[derive(Debug, thiserror::Error)]
pub enum StockError {
    #[error(transparent)]
    Problem(#[from] StockProblem),
    #[error(transparent)]
    Lot(#[from] LotProblem),
    #[error("{}", ReasonRequired)]
    ReasonRequired,
    #[error("That part does not exist.")]
    UnknownPart,
    #[error("The stock of this part changed meanwhile; try again.")]
    Conflict,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl StockError {
    /// The refusal a user reads: a rule the movement broke is said at the
    /// form's quantity field `field`, a missing reason at the reason, a
    /// lost race is a conflict. The one reading of a stock refusal.
    pub fn at(self, field: &str) -> AppError {
        match self {
            StockError::Problem(_) => AppError::invalid(field, self.to_string()),
            StockError::Lot(problem) => AppError::invalid(problem.field(), problem.to_string()),
            StockError::ReasonRequired => AppError::invalid("reason", self.to_string()),
            StockError::UnknownPart => AppError::NotFound,
            StockError::Conflict => AppError::Conflict,
            StockError::Database(error) => error.into(),
        }
    }
}

/// A refusal of a form whose quantity field is named `quantity`.
impl From<StockError> for AppError {
    fn from(error: StockError) -> Self {
        error.at("quantity")
    }
}

/// Applies one movement of the lot and build `trace` names.
pub async fn apply(
    conn: &mut PgConnection,
    part_id: Uuid,
    movement: Movement,
    trace: Trace,
    reference: Option<Reference<'_>>,
    reason: Option<&str>,
    user_id: Option<Uuid>,
) -> Result<Applied, StockError> {
    let reason = reason.map(str::trim).filter(|reason| !reason.is_empty());
    if matches!(movement, Movement::Adjust(_)) && reason.is_none() {
        return Err(StockError::ReasonRequired);
    }
    if movement.changes() == (0, 0) {
        return Err(StockProblem::NoChange.into());
    }
    let Some(lot_id) = trace.lot_id else {
        return write(conn, part_id, movement, trace, reference, reason, user_id).await;
    };
    let mut savepoint = Connection::begin(&mut *conn).await?;
    move_lot(&mut savepoint, part_id, lot_id, movement).await?;
    let applied = write(
        &mut savepoint,
        part_id,
        movement,
        trace,
        reference,
        reason,
        user_id,
    )
    .await?;
    savepoint.commit().await?;
    Ok(applied)
}

/// Changes the lot's quantity by the movement's on-hand change, never
/// below zero.
async fn move_lot(
    conn: &mut PgConnection,
    part_id: Uuid,
    lot_id: Uuid,
    movement: Movement,
) -> Result<(), StockError> {
    let (change, _) = movement.changes();
    let moved = sqlx::query!(
        "UPDATE inventory.stock_lots SET quantity_on_hand = quantity_on_hand + $3
         WHERE id = $1 AND part_id = $2 AND quantity_on_hand + $3 >= 0",
        lot_id,
        part_id,
        change
    )
    .execute(&mut *conn)
    .await?;
    if moved.rows_affected() == 1 {
        return Ok(());
    }
    let lot = sqlx::query!(
        "SELECT lot_number, quantity_on_hand FROM inventory.stock_lots
         WHERE id = $1 AND part_id = $2",
        lot_id,
        part_id
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StockError::UnknownPart)?;
    Err(LotProblem::NotEnoughInLot {
        lot: lot.lot_number,
        available: lot.quantity_on_hand,
        requested: -change,
    }
    .into())
}

/// The part's counters and its ledger row, in one guarded statement.
async fn write(
    conn: &mut PgConnection,
    part_id: Uuid,
    movement: Movement,
    trace: Trace,
    reference: Option<Reference<'_>>,
    reason: Option<&str>,
    user_id: Option<Uuid>,
) -> Result<Applied, StockError> {
    let (on_hand_change, allocated_change) = movement.changes();
    let after = sqlx::query!(
        "WITH moved AS (
             UPDATE inventory.parts p
             SET quantity_on_hand = quantity_on_hand + $2,
                 quantity_allocated = quantity_allocated + $3
             WHERE id = $1
               AND quantity_allocated + $3 >= 0
               AND quantity_allocated + $3 <= quantity_on_hand + $2
               AND ($2 >= 0 OR $9::uuid IS NOT NULL
                    OR quantity_on_hand + $2 >= (SELECT coalesce(sum(l.quantity_on_hand), 0)
                                                 FROM inventory.stock_lots l
                                                 WHERE l.part_id = p.id))
             RETURNING id, quantity_on_hand, quantity_allocated)
         INSERT INTO inventory.stock_movements
             (part_id, movement_type, on_hand_change, allocated_change, on_hand_after,
              allocated_after, reference_type, reference_id, reason, created_by, lot_id,
              build_id)
         SELECT id, $4::text::stock_movement_type, $2, $3, quantity_on_hand, quantity_allocated,
                $5, $6, $7, $8, $9, $10
         FROM moved
         RETURNING id, on_hand_after, allocated_after",
        part_id,
        on_hand_change,
        allocated_change,
        movement.kind().as_db_str(),
        reference.map(|r| r.kind),
        reference.map(|r| r.id),
        reason,
        user_id,
        trace.lot_id,
        trace.build_id,
    )
    .fetch_optional(&mut *conn)
    .await?;

    match after {
        Some(row) => Ok(Applied {
            level: StockLevel {
                on_hand: row.on_hand_after,
                allocated: row.allocated_after,
            },
            movement_id: row.id,
        }),
        // Refused by a guard: let the domain say why, from the level now.
        None => {
            let level = level(conn, part_id).await?.ok_or(StockError::UnknownPart)?;
            if let Err(problem) = movement.apply(level) {
                return Err(problem.into());
            }
            let outside = level.on_hand - in_lots(conn, part_id).await?;
            if trace.lot_id.is_none() && outside < -on_hand_change {
                return Err(LotProblem::OutsideLots { outside }.into());
            }
            Err(StockError::Conflict)
        }
    }
}

/// How much of the part's stock its lots hold.
pub async fn in_lots(conn: &mut PgConnection, part_id: Uuid) -> Result<i32, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT coalesce(sum(quantity_on_hand), 0)::int AS "held!"
           FROM inventory.stock_lots WHERE part_id = $1"#,
        part_id
    )
    .fetch_one(conn)
    .await
}

pub async fn level(
    conn: &mut PgConnection,
    part_id: Uuid,
) -> Result<Option<StockLevel>, sqlx::Error> {
    sqlx::query_as!(
        StockLevel,
        r#"SELECT quantity_on_hand AS "on_hand!", quantity_allocated AS "allocated!"
           FROM inventory.parts WHERE id = $1"#,
        part_id,
    )
    .fetch_optional(conn)
    .await
}

/// Whether a request for several parts may be met in part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AllocationMode {
    /// Every line in full, or nothing at all.
    AllOrNothing,
    /// What is available of each line; the rest is reported short.
    WhatIsAvailable,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortage {
    pub part_id: Uuid,
    pub requested: i32,
    pub available: i32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AllocationReport {
    /// (part, quantity allocated), in part order.
    pub allocated: Vec<(Uuid, i32)>,
    pub shortages: Vec<Shortage>,
}

/// Allocates stock for several lines of one reference (a BOM, say).
/// Lines are taken in part order, so two requests never wait on each other
/// in a cycle. All-or-nothing rolls back to a savepoint when a line is short,
/// leaving the caller's transaction usable.
pub async fn allocate_lines(
    conn: &mut PgConnection,
    lines: &[(Uuid, Quantity)],
    reference: Reference<'_>,
    user_id: Option<Uuid>,
    mode: AllocationMode,
) -> Result<AllocationReport, StockError> {
    let mut ordered = lines.to_vec();
    ordered.sort_by_key(|(part_id, _)| *part_id);
    let mut savepoint = Connection::begin(conn).await?;
    let mut report = AllocationReport::default();

    for (part_id, quantity) in ordered {
        let allocation = Movement::Allocate(quantity);
        match apply(
            &mut savepoint,
            part_id,
            allocation,
            Trace::default(),
            Some(reference),
            None,
            user_id,
        )
        .await
        {
            Ok(_) => report.allocated.push((part_id, quantity.get())),
            Err(StockError::Problem(StockProblem::NotEnoughAvailable {
                available,
                requested,
            })) => {
                report.shortages.push(Shortage {
                    part_id,
                    requested,
                    available,
                });
                let partial = Quantity::new(available).ok();
                if let (AllocationMode::WhatIsAvailable, Some(partial)) = (mode, partial) {
                    let movement = Movement::Allocate(partial);
                    apply(
                        &mut savepoint,
                        part_id,
                        movement,
                        Trace::default(),
                        Some(reference),
                        None,
                        user_id,
                    )
                    .await?;
                    report.allocated.push((part_id, available));
                }
            }
            Err(error) => return Err(error),
        }
    }

    if mode == AllocationMode::AllOrNothing && !report.shortages.is_empty() {
        savepoint.rollback().await?;
        report.allocated.clear();
    } else {
        savepoint.commit().await?;
    }
    Ok(report)
}
