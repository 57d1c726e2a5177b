//! Stock of tracked parts in and out: a receipt records its lot (made on
//! first receipt) and its serial numbers; an issue takes the lot and serials
//! a person chose, or else the suggestion (first-expiring, first-in; the
//! serials received first); a return gives back what the same reference
//! and build took, the latest first. Each lot taken is one ledger row
//! naming it; each serial moved is linked to its row. The part's row is
//! locked first, so two issues of one part pick in turn, never the same
//! stock twice.

mod give_back;
mod issue;
mod receive;

pub use give_back::give_back;
pub use issue::issue;
pub use receive::receive;

use sqlx::PgConnection;
use torvan::lots::{LotProblem, Tracking};
use torvan::stock::StockLevel;
use uuid::Uuid;

use crate::inventory::stock::{Reference, StockError, Trace};

/// Where stock goes to or comes back from, and who moves it.
#[derive(Debug, Clone, Copy)]
pub struct Destination<'a> {
    pub reference: Reference<'a>,
    /// The build a task took the stock for; none for a whole BOM's issue.
    pub build_id: Option<Uuid>,
    /// The note the ledger row carries (the task, say).
    pub note: Option<&'a str>,
    pub user_id: Uuid,
}

impl Destination<'_> {
    fn trace(&self, lot_id: Option<Uuid>) -> Trace {
        Trace {
            lot_id,
            build_id: self.build_id,
        }
    }
}

/// How the part is traced (`parts.lot_control`, `parts.serial_control`).
pub async fn tracking(conn: &mut PgConnection, part_id: Uuid) -> Result<Tracking, StockError> {
    let row = sqlx::query!(
        r#"SELECT coalesce(lot_control, false) AS "lot!", coalesce(serial_control, false) AS "serial!"
           FROM inventory.parts WHERE id = $1"#,
        part_id
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StockError::UnknownPart)?;
    Ok(Tracking {
        lot: row.lot,
        serial: row.serial,
    })
}

/// The part's lot named `lot`.
pub async fn lot_id(conn: &mut PgConnection, part_id: Uuid, lot: &str) -> Result<Uuid, StockError> {
    sqlx::query_scalar!(
        "SELECT id FROM inventory.stock_lots WHERE part_id = $1 AND lot_number = $2",
        part_id,
        lot
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| {
        LotProblem::UnknownLot {
            lot: lot.to_owned(),
        }
        .into()
    })
}

/// Links the serials to the ledger row that moved them.
async fn link_serials(
    conn: &mut PgConnection,
    movement_id: Uuid,
    serial_ids: &[Uuid],
) -> Result<(), StockError> {
    sqlx::query!(
        "INSERT INTO inventory.serial_movements (movement_id, serial_id)
         SELECT $1, unnest($2::uuid[])",
        movement_id,
        serial_ids
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The part's level, its row locked until the transaction ends.
async fn lock_part(conn: &mut PgConnection, part_id: Uuid) -> Result<StockLevel, StockError> {
    sqlx::query_as!(
        StockLevel,
        r#"SELECT quantity_on_hand AS "on_hand!", quantity_allocated AS "allocated!"
           FROM inventory.parts WHERE id = $1 FOR UPDATE"#,
        part_id
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StockError::UnknownPart)
}
