//! The stock service every feature calls to move stock: receive, adjust,
//! allocate, release, issue, return. Each movement is one guarded UPDATE of
//! the part's counters plus its ledger row, in one statement in the caller's
//! transaction: concurrent allocations queue on the part's row lock and the
//! guard is checked again after the lock, so stock is never oversold.

use sqlx::{Connection, PgConnection};
use torvan::DbEnum;
use torvan::stock::{Movement, Quantity, ReasonRequired, StockLevel, StockProblem};
use uuid::Uuid;

use crate::error::AppError;

/// What a movement is for, kept on its ledger row.
#[derive(Debug, Clone, Copy)]
pub struct Reference<'a> {
    pub kind: &'a str,
    pub id: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum StockError {
    #[error(transparent)]
    Problem(#[from] StockProblem),
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

/// Applies one movement; returns the part's level after it.
pub async fn apply(
    conn: &mut PgConnection,
    part_id: Uuid,
    movement: Movement,
    reference: Option<Reference<'_>>,
    reason: Option<&str>,
    user_id: Option<Uuid>,
) -> Result<StockLevel, StockError> {
    let reason = reason.map(str::trim).filter(|reason| !reason.is_empty());
    if matches!(movement, Movement::Adjust(_)) && reason.is_none() {
        return Err(StockError::ReasonRequired);
    }
    if movement.changes() == (0, 0) {
        return Err(StockProblem::NoChange.into());
    }
    let (on_hand_change, allocated_change) = movement.changes();
    let after = sqlx::query!(
        "WITH moved AS (
             UPDATE inventory.parts
             SET quantity_on_hand = quantity_on_hand + $2,
                 quantity_allocated = quantity_allocated + $3
             WHERE id = $1
               AND quantity_allocated + $3 >= 0
               AND quantity_allocated + $3 <= quantity_on_hand + $2
             RETURNING id, quantity_on_hand, quantity_allocated)
         INSERT INTO inventory.stock_movements
             (part_id, movement_type, on_hand_change, allocated_change, on_hand_after,
              allocated_after, reference_type, reference_id, reason, created_by)
         SELECT id, $4::text::stock_movement_type, $2, $3, quantity_on_hand, quantity_allocated,
                $5, $6, $7, $8
         FROM moved
         RETURNING on_hand_after, allocated_after",
        part_id,
        on_hand_change,
        allocated_change,
        movement.kind().as_db_str(),
        reference.map(|r| r.kind),
        reference.map(|r| r.id),
        reason,
        user_id,
    )
    .fetch_optional(&mut *conn)
    .await?;

    match after {
        Some(row) => Ok(StockLevel {
            on_hand: row.on_hand_after,
            allocated: row.allocated_after,
        }),
        // Refused by the guard: let the domain say why, from the level now.
        None => {
            let level = level(conn, part_id).await?.ok_or(StockError::UnknownPart)?;
            Err(movement
                .apply(level)
                .err()
                .map_or(StockError::Conflict, StockError::Problem))
        }
    }
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
