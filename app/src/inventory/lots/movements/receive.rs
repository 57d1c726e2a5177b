//! A receipt of a tracked part: its lot (made on first receipt) and its
//! serial numbers, each once per part.

use sqlx::PgConnection;
use torvan::lots::{LotProblem, SerialNumber, TrackedReceipt};
use torvan::stock::{Movement, Quantity};
use uuid::Uuid;

use super::link_serials;
use crate::inventory::stock::{Applied, Reference, StockError, Trace, apply};

/// Goods in, with the lot and serial numbers the receipt names.
pub async fn receive(
    conn: &mut PgConnection,
    part_id: Uuid,
    quantity: Quantity,
    receipt: &TrackedReceipt,
    reference: Option<Reference<'_>>,
    reason: Option<&str>,
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
        reason,
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
