//! Stock received or counted from the part page, through the stock service
//! and its ledger, in the caller's transaction. The entries arrive parsed
//! (`torvan::stock_entry`), so only the part and the stock rules can refuse.

use sqlx::PgConnection;
use torvan::PartNumber;
use torvan::stock::Movement;
use torvan::stock_entry::{Adjustment, Receipt};
use uuid::Uuid;

use super::queries::part_id;
use crate::error::AppError;
use crate::inventory::stock;

/// Goods in: returns the new quantity on hand.
pub async fn receive(
    conn: &mut PgConnection,
    part_number: &PartNumber,
    receipt: &Receipt,
    user_id: Uuid,
) -> Result<i32, AppError> {
    let id = part_id(conn, part_number).await?;
    let reference = receipt.note.as_deref().map(|note| stock::Reference {
        kind: "RECEIPT",
        id: note,
    });
    let level = stock::apply(
        conn,
        id,
        Movement::Receive(receipt.quantity),
        reference,
        None,
        Some(user_id),
    )
    .await?;
    Ok(level.on_hand)
}

/// A stock count's correction, up or down, with its reason: returns the new
/// quantity on hand. A movement the stock rules refuse is said at the change.
pub async fn adjust(
    conn: &mut PgConnection,
    part_number: &PartNumber,
    adjustment: &Adjustment,
    user_id: Uuid,
) -> Result<i32, AppError> {
    let id = part_id(conn, part_number).await?;
    let level = stock::apply(
        conn,
        id,
        Movement::Adjust(adjustment.change),
        None,
        Some(&adjustment.reason),
        Some(user_id),
    )
    .await
    .map_err(|error| error.at("change"))?;
    Ok(level.on_hand)
}
