//! Stock of tracked parts in and out: a receipt records its lot (made on
//! first receipt) and its serial numbers; an issue takes the lot and serials
//! a person chose, or else the suggestion (first-expiring, first-in; the
//! serials received first); a return gives back what the same reference
//! and build took, the latest first. Each lot taken is one ledger row
//! naming it; each serial moved is linked to its row. The part's row is
//! locked first, so two issues of one part pick in turn, never the same
//! stock twice.

use std::collections::BTreeMap;

use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::lots::{IssueChoice, LotProblem, LotStock, SerialNumber, TrackedReceipt, Tracking};
use torvan::stock::{Movement, MovementKind, Quantity, StockLevel};
use uuid::Uuid;

use crate::inventory::stock::{Applied, Reference, StockError, Trace, apply, in_lots};

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

/// Goods in, with the lot and serial numbers the receipt names.
pub async fn receive(
    conn: &mut PgConnection,
    part_id: Uuid,
    quantity: Quantity,
    receipt: &TrackedReceipt,
    reference: Option<Reference<'_>>,
    user_id: Uuid,
) -> Result<Applied, StockError> {
    let lot_id = match &receipt.lot {
        Some(lot) => Some(lot_for_receipt(conn, part_id, lot.as_str(), receipt, user_id).await?),
        None => None,
    };
    let trace = Trace {
        lot_id,
        build_id: None,
    };
    let movement = Movement::Receive(quantity);
    let applied = apply(
        conn,
        part_id,
        movement,
        trace,
        reference,
        None,
        Some(user_id),
    )
    .await?;
    if !receipt.serials.is_empty() {
        record_serials(conn, part_id, lot_id, &receipt.serials, applied.movement_id).await?;
    }
    Ok(applied)
}

/// The lot a receipt adds to, made on its first receipt. A later receipt
/// may give the expiry the first left out, never a different one.
async fn lot_for_receipt(
    conn: &mut PgConnection,
    part_id: Uuid,
    lot: &str,
    receipt: &TrackedReceipt,
    user_id: Uuid,
) -> Result<Uuid, StockError> {
    let known = sqlx::query!(
        "SELECT id, expires_on FROM inventory.stock_lots
         WHERE part_id = $1 AND lot_number = $2 FOR UPDATE",
        part_id,
        lot
    )
    .fetch_optional(&mut *conn)
    .await?;
    let Some(known) = known else {
        return Ok(sqlx::query_scalar!(
            "INSERT INTO inventory.stock_lots (part_id, lot_number, expires_on, created_by)
             VALUES ($1, $2, $3, $4)
             ON CONFLICT ON CONSTRAINT lot_number_once_per_part
             DO UPDATE SET expires_on = coalesce(stock_lots.expires_on, EXCLUDED.expires_on)
             RETURNING id",
            part_id,
            lot,
            receipt.expires_on,
            user_id
        )
        .fetch_one(&mut *conn)
        .await?);
    };
    match (known.expires_on, receipt.expires_on) {
        (Some(recorded), Some(given)) if recorded != given => Err(LotProblem::ExpiryDiffers {
            lot: lot.to_owned(),
            recorded: recorded.to_string(),
        }
        .into()),
        (None, Some(given)) => {
            sqlx::query!(
                "UPDATE inventory.stock_lots SET expires_on = $2 WHERE id = $1",
                known.id,
                given
            )
            .execute(&mut *conn)
            .await?;
            Ok(known.id)
        }
        _ => Ok(known.id),
    }
}

/// Stores a receipt's serial numbers, each once per part, linked to the
/// receipt's ledger row.
async fn record_serials(
    conn: &mut PgConnection,
    part_id: Uuid,
    lot_id: Option<Uuid>,
    serials: &[SerialNumber],
    movement_id: Uuid,
) -> Result<(), StockError> {
    let numbers: Vec<String> = serials.iter().map(|s| s.as_str().to_owned()).collect();
    let recorded = sqlx::query_scalar!(
        "SELECT serial_number FROM inventory.part_serials
         WHERE part_id = $1 AND serial_number = ANY($2) ORDER BY serial_number LIMIT 1",
        part_id,
        &numbers
    )
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(serial) = recorded {
        return Err(LotProblem::SerialRecorded { serial }.into());
    }
    let ids = sqlx::query_scalar!(
        "INSERT INTO inventory.part_serials (part_id, serial_number, lot_id)
         SELECT $1, number, $3 FROM unnest($2::text[]) AS number
         RETURNING id",
        part_id,
        &numbers,
        lot_id
    )
    .fetch_all(&mut *conn)
    .await
    .map_err(
        |error| match error.as_database_error().and_then(|e| e.constraint()) {
            // Another receipt stored one of them meanwhile.
            Some("serial_number_once_per_part") => StockError::Lot(LotProblem::SerialRecorded {
                serial: numbers.join(", "),
            }),
            _ => error.into(),
        },
    )?;
    link_serials(conn, movement_id, &ids).await
}

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

/// Returns `quantity` to the shelf: to the lots `from` took (its reference
/// and build), the latest first, with the serials it took, the latest
/// first; what it took from outside the lots goes back there.
pub async fn give_back(
    conn: &mut PgConnection,
    part_id: Uuid,
    quantity: Quantity,
    from: &Destination<'_>,
) -> Result<(), StockError> {
    lock_part(conn, part_id).await?;
    let out = sqlx::query!(
        r#"SELECT lot_id, -sum(on_hand_change)::int AS "out!"
           FROM inventory.stock_movements
           WHERE part_id = $1 AND reference_type = $2 AND reference_id = $3
             AND build_id IS NOT DISTINCT FROM $4
             AND movement_type IN ($5::text::stock_movement_type, $6::text::stock_movement_type)
           GROUP BY lot_id HAVING sum(on_hand_change) < 0
           ORDER BY max(created_at) DESC"#,
        part_id,
        from.reference.kind,
        from.reference.id,
        from.build_id,
        MovementKind::Issue.as_db_str(),
        MovementKind::Return.as_db_str()
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut still = quantity.get();
    let mut gives: Vec<(Option<Uuid>, i32)> = Vec::new();
    for row in out {
        let give = row.out.min(still);
        if give > 0 {
            gives.push((row.lot_id, give));
            still -= give;
        }
    }
    if still > 0 {
        gives.push((None, still));
    }
    let tracking = tracking(conn, part_id).await?;
    for (lot_id, give) in gives {
        let Ok(give) = Quantity::new(give) else {
            continue;
        };
        let applied = apply(
            conn,
            part_id,
            Movement::Return(give),
            from.trace(lot_id),
            Some(from.reference),
            from.note,
            Some(from.user_id),
        )
        .await?;
        if tracking.serial {
            let serials = last_issued(conn, part_id, lot_id, from, give.get()).await?;
            sqlx::query!(
                "UPDATE inventory.part_serials SET in_stock = true WHERE id = ANY($1)",
                &serials
            )
            .execute(&mut *conn)
            .await?;
            link_serials(conn, applied.movement_id, &serials).await?;
        }
    }
    Ok(())
}

/// The serials of `lot_id` whose latest movement issued them to `from`,
/// the latest first, up to `count`.
async fn last_issued(
    conn: &mut PgConnection,
    part_id: Uuid,
    lot_id: Option<Uuid>,
    from: &Destination<'_>,
    count: i32,
) -> Result<Vec<Uuid>, StockError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT s.id AS "id!" FROM inventory.part_serials s
           CROSS JOIN LATERAL (
               SELECT m.movement_type, m.reference_type, m.reference_id, m.build_id, m.created_at
               FROM inventory.serial_movements sm
               JOIN inventory.stock_movements m ON m.id = sm.movement_id
               WHERE sm.serial_id = s.id
               ORDER BY m.created_at DESC LIMIT 1) latest
           WHERE s.part_id = $1 AND s.lot_id IS NOT DISTINCT FROM $2 AND NOT s.in_stock
             AND latest.movement_type = $3::text::stock_movement_type
             AND latest.reference_type = $4 AND latest.reference_id = $5
             AND latest.build_id IS NOT DISTINCT FROM $6
           ORDER BY latest.created_at DESC LIMIT $7"#,
        part_id,
        lot_id,
        MovementKind::Issue.as_db_str(),
        from.reference.kind,
        from.reference.id,
        from.build_id,
        i64::from(count)
    )
    .fetch_all(&mut *conn)
    .await?)
}
