//! A return: back to the lots and with the serials the same reference
//! and build took, the latest first.

use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::stock::{Movement, MovementKind, Quantity};
use uuid::Uuid;

use super::{Destination, link_serials, lock_part, tracking};
use crate::inventory::stock::{StockError, apply};

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
