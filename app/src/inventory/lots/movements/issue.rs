//! An issue: the lot and serials a person chose, else the suggestion.

use std::collections::BTreeMap;

use sqlx::PgConnection;
use torvan::lots::{IssueChoice, LotProblem, LotStock, SerialNumber};
use torvan::stock::{Movement, Quantity, StockLevel};
use uuid::Uuid;

use super::{Destination, link_serials, lock_part, lot_id, tracking};
use crate::inventory::stock::{Applied, StockError, apply, in_lots};

/// Issues `quantity` to `to`: the chosen lot or serials, else the
/// suggestion. Returns the ledger rows written.
pub async fn issue(
    conn: &mut PgConnection,
    part_id: Uuid,
    quantity: Quantity,
    choice: &IssueChoice,
    to: &Destination<'_>,
) -> Result<Vec<Applied>, StockError> {
    let level = lock_part(conn, part_id).await?;
    let movement = Movement::Issue(quantity);
    movement.apply(level)?;
    let tracking = tracking(conn, part_id).await?;
    let chosen = chosen_serials(conn, part_id, &choice.serials).await?;
    let takes = match (&choice.lot, chosen.is_empty()) {
        (_, false) => serial_takes(&chosen),
        (Some(lot), true) => vec![(
            Some(lot_id(conn, part_id, lot.as_str()).await?),
            quantity.get(),
        )],
        (None, true) => suggested_takes(conn, part_id, level, quantity).await?,
    };
    let mut written = Vec::with_capacity(takes.len());
    for (lot_id, take) in takes {
        let Ok(take) = Quantity::new(take) else {
            continue;
        };
        let movement = Movement::Issue(take);
        let trace = to.trace(lot_id);
        let applied = apply(
            conn,
            part_id,
            movement,
            trace,
            Some(to.reference),
            to.note,
            Some(to.user_id),
        )
        .await?;
        if tracking.serial {
            let serials = match chosen.is_empty() {
                false => chosen
                    .iter()
                    .filter(|s| s.lot_id == lot_id)
                    .map(|s| s.id)
                    .collect(),
                true => first_on_shelf(conn, part_id, lot_id, take.get()).await?,
            };
            take_off_shelf(conn, &serials, &choice.serials).await?;
            link_serials(conn, applied.movement_id, &serials).await?;
        }
        written.push(applied);
    }
    Ok(written)
}

/// A serial on the shelf a person chose.
struct ChosenSerial {
    id: Uuid,
    lot_id: Option<Uuid>,
}

async fn chosen_serials(
    conn: &mut PgConnection,
    part_id: Uuid,
    serials: &[SerialNumber],
) -> Result<Vec<ChosenSerial>, StockError> {
    if serials.is_empty() {
        return Ok(Vec::new());
    }
    let numbers: Vec<String> = serials.iter().map(|s| s.as_str().to_owned()).collect();
    let rows = sqlx::query!(
        "SELECT id, serial_number, lot_id FROM inventory.part_serials
         WHERE part_id = $1 AND serial_number = ANY($2) AND in_stock
         FOR UPDATE",
        part_id,
        &numbers
    )
    .fetch_all(&mut *conn)
    .await?;
    if let Some(missing) = numbers
        .iter()
        .find(|number| !rows.iter().any(|row| &row.serial_number == *number))
    {
        return Err(LotProblem::SerialNotOnShelf {
            serial: missing.clone(),
        }
        .into());
    }
    Ok(rows
        .into_iter()
        .map(|row| ChosenSerial {
            id: row.id,
            lot_id: row.lot_id,
        })
        .collect())
}

/// One take per lot the chosen serials are in.
fn serial_takes(chosen: &[ChosenSerial]) -> Vec<(Option<Uuid>, i32)> {
    let mut per_lot: BTreeMap<Option<Uuid>, i32> = BTreeMap::new();
    for serial in chosen {
        *per_lot.entry(serial.lot_id).or_default() += 1;
    }
    per_lot.into_iter().collect()
}

/// The suggestion: first-expiring lot, then first-in, the stock outside
/// the lots counted as the oldest.
async fn suggested_takes(
    conn: &mut PgConnection,
    part_id: Uuid,
    level: StockLevel,
    quantity: Quantity,
) -> Result<Vec<(Option<Uuid>, i32)>, StockError> {
    let lots = sqlx::query!(
        "SELECT id, received_at, expires_on, quantity_on_hand FROM inventory.stock_lots
         WHERE part_id = $1 AND quantity_on_hand > 0",
        part_id
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|row| LotStock {
        key: row.id,
        received_at: row.received_at,
        expires_on: row.expires_on,
        available: row.quantity_on_hand,
    })
    .collect::<Vec<_>>();
    let outside = level.on_hand - in_lots(conn, part_id).await?;
    Ok(torvan::lots::pick_tracked(&lots, outside, quantity.get()).takes)
}

/// The serials of `lot_id` received first, up to `count` (fewer when part
/// of the stock was received before serials were recorded).
async fn first_on_shelf(
    conn: &mut PgConnection,
    part_id: Uuid,
    lot_id: Option<Uuid>,
    count: i32,
) -> Result<Vec<Uuid>, StockError> {
    Ok(sqlx::query_scalar!(
        "SELECT id FROM inventory.part_serials
         WHERE part_id = $1 AND lot_id IS NOT DISTINCT FROM $2 AND in_stock
         ORDER BY received_at, serial_number LIMIT $3
         FOR UPDATE",
        part_id,
        lot_id,
        i64::from(count)
    )
    .fetch_all(&mut *conn)
    .await?)
}

/// Takes the serials off the shelf; one issued meanwhile is refused.
async fn take_off_shelf(
    conn: &mut PgConnection,
    serial_ids: &[Uuid],
    chosen: &[SerialNumber],
) -> Result<(), StockError> {
    let taken = sqlx::query!(
        "UPDATE inventory.part_serials SET in_stock = false WHERE id = ANY($1) AND in_stock",
        serial_ids
    )
    .execute(&mut *conn)
    .await?;
    if taken.rows_affected() as usize != serial_ids.len() {
        let serial = chosen
            .iter()
            .map(|s| s.as_str().to_owned())
            .collect::<Vec<_>>()
            .join(", ");
        return Err(LotProblem::SerialNotOnShelf { serial }.into());
    }
    Ok(())
}
