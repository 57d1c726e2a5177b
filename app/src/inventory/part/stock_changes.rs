//! Stock received or counted from the part page, through the stock service
//! and its ledger, in the caller's transaction. The entries arrive parsed
//! (`torvan::stock_entry`); a receipt's lot and serial numbers are parsed
//! here against the part's tracking, which only the database knows.

use sqlx::PgConnection;
use torvan::PartNumber;
use torvan::lots::{LotNumber, TrackedReceipt};
use torvan::stock::Movement;
use torvan::stock_entry::{Adjustment, Receipt};
use uuid::Uuid;

use super::model::ReceiptEntry;
use super::queries::part_id;
use crate::error::AppError;
use crate::inventory::lots::movements;
use crate::inventory::stock::{self, Trace};

/// Goods in, with the lot and serial numbers the part's tracking asks
/// for: returns the new quantity on hand.
pub async fn receive(
    conn: &mut PgConnection,
    part_number: &PartNumber,
    receipt: &Receipt,
    entry: &ReceiptEntry,
    user_id: Uuid,
) -> Result<i32, AppError> {
    let id = part_id(conn, part_number).await?;
    let tracking = movements::tracking(conn, id).await?;
    let tracked = TrackedReceipt::parse(
        tracking,
        receipt.quantity,
        &entry.lot,
        &entry.expires_on,
        &entry.serials,
    )?;
    let reference = receipt.note.as_deref().map(|note| stock::Reference {
        kind: "RECEIPT",
        id: note,
    });
    let applied = movements::receive(
        conn,
        id,
        receipt.quantity,
        &tracked,
        reference,
        None,
        user_id,
    )
    .await?;
    Ok(applied.level.on_hand)
}

/// A stock count's correction, up or down, with its reason, of the lot it
/// names or of the stock outside the lots: returns the new quantity on
/// hand. A movement the stock rules refuse is said at the change.
pub async fn adjust(
    conn: &mut PgConnection,
    part_number: &PartNumber,
    adjustment: &Adjustment,
    lot: Option<&LotNumber>,
    user_id: Uuid,
) -> Result<i32, AppError> {
    let id = part_id(conn, part_number).await?;
    let lot_id = match lot {
        Some(lot) => Some(movements::lot_id(conn, id, lot.as_str()).await?),
        None => None,
    };
    let trace = Trace {
        lot_id,
        build_id: None,
    };
    let applied = stock::apply(
        conn,
        id,
        Movement::Adjust(adjustment.change),
        trace,
        None,
        Some(&adjustment.reason),
        Some(user_id),
    )
    .await
    .map_err(|error| error.at("change"))?;
    Ok(applied.level.on_hand)
}
