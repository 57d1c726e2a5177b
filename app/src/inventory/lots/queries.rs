//! What the part page and the lot page read of lots and serials, and the
//! genealogy a recall asks for: every build a lot went into.

use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::stock::{MovementKind, reference_note};
use torvan::text::minute_utc;
use uuid::Uuid;

use super::model::{LotDetail, LotLine, LotMovement, LotUse, PartLots, SerialLine};
use crate::boms::stock::REFERENCE_KIND;
use crate::error::AppError;

/// The most lots and serials the part page lists.
const LISTED: i64 = 50;

/// The part's lots with stock (first to expire first) and its serials on
/// the shelf (first received first).
pub async fn part_lots(
    conn: &mut PgConnection,
    part_id: Uuid,
    on_hand: i32,
) -> Result<PartLots, AppError> {
    let lots = sqlx::query!(
        "SELECT id, lot_number, expires_on, quantity_on_hand, received_at
         FROM inventory.stock_lots WHERE part_id = $1 AND quantity_on_hand > 0
         ORDER BY expires_on NULLS LAST, received_at LIMIT $2",
        part_id,
        LISTED
    )
    .fetch_all(&mut *conn)
    .await?;
    let in_lots = crate::inventory::stock::in_lots(conn, part_id).await?;
    let serials = sqlx::query!(
        r#"SELECT s.serial_number, l.lot_number AS "lot_number?", s.received_at,
                  count(*) OVER () AS "on_shelf!"
           FROM inventory.part_serials s LEFT JOIN inventory.stock_lots l ON l.id = s.lot_id
           WHERE s.part_id = $1 AND s.in_stock
           ORDER BY s.received_at, s.serial_number LIMIT $2"#,
        part_id,
        LISTED
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(PartLots {
        serials_on_shelf: serials.first().map_or(0, |row| row.on_shelf),
        lots: lots
            .into_iter()
            .map(|row| LotLine {
                id: row.id,
                lot_number: row.lot_number,
                expires_on: row.expires_on.map(|day| day.to_string()),
                on_hand: row.quantity_on_hand,
                received: minute_utc(row.received_at),
            })
            .collect(),
        serials: serials
            .into_iter()
            .map(|row| SerialLine {
                serial_number: row.serial_number,
                lot_number: row.lot_number,
                received: minute_utc(row.received_at),
            })
            .collect(),
        outside_lots: on_hand - in_lots,
    })
}

pub async fn lot(conn: &mut PgConnection, id: Uuid) -> Result<LotDetail, AppError> {
    let row = sqlx::query!(
        "SELECT p.part_number, p.name, l.lot_number, l.expires_on, l.received_at,
                l.quantity_on_hand
         FROM inventory.stock_lots l JOIN inventory.parts p ON p.id = l.part_id
         WHERE l.id = $1",
        id
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let serials = sqlx::query!(
        "SELECT serial_number, received_at FROM inventory.part_serials
         WHERE lot_id = $1 ORDER BY received_at, serial_number LIMIT $2",
        id,
        LISTED
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|serial| SerialLine {
        serial_number: serial.serial_number,
        lot_number: None,
        received: minute_utc(serial.received_at),
    })
    .collect();
    Ok(LotDetail {
        id,
        part_number: row.part_number,
        part_name: row.name,
        lot_number: row.lot_number,
        expires_on: row.expires_on.map(|day| day.to_string()),
        received: minute_utc(row.received_at),
        on_hand: row.quantity_on_hand,
        uses: uses(conn, id).await?,
        movements: movements(conn, id).await?,
        serials,
    })
}

/// Every build the lot went into, net of returns: a task's issue names
/// its build; an issue from a BOM's page went to every unit of the BOM's
/// configuration, so each of them is listed. The recall query.
pub async fn uses(conn: &mut PgConnection, lot_id: Uuid) -> Result<Vec<LotUse>, AppError> {
    let rows = sqlx::query!(
        r#"WITH taken AS (
               SELECT m.reference_id, m.build_id, -sum(m.on_hand_change)::int AS quantity,
                      max(m.created_at) AS issued_at
               FROM inventory.stock_movements m
               WHERE m.lot_id = $1 AND m.reference_type = $2
                 AND m.movement_type IN ($3::text::stock_movement_type,
                                         $4::text::stock_movement_type)
               GROUP BY m.reference_id, m.build_id
               HAVING sum(m.on_hand_change) < 0)
           SELECT unit.build_number AS "build_number!", o.order_number,
                  c.company_name AS customer, taken.quantity AS "quantity!",
                  taken.issued_at AS "issued_at!", o.actual_ship_date
           FROM taken
           JOIN orders.boms b ON b.id = taken.reference_id::uuid
           CROSS JOIN LATERAL (
               SELECT sb.build_number FROM orders.sink_builds sb WHERE sb.id = taken.build_id
               UNION ALL
               SELECT sb.build_number FROM orders.sink_builds sb
               WHERE taken.build_id IS NULL AND sb.configuration_id = b.configuration_id) unit
           JOIN orders.orders o ON o.id = b.order_id
           JOIN public.customers c ON c.id = o.customer_id
           ORDER BY taken.issued_at DESC, unit.build_number"#,
        lot_id,
        REFERENCE_KIND,
        MovementKind::Issue.as_db_str(),
        MovementKind::Return.as_db_str()
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| LotUse {
            build_number: row.build_number,
            order_number: row.order_number,
            customer: row.customer,
            quantity: row.quantity,
            issued: minute_utc(row.issued_at),
            shipped_on: row.actual_ship_date.map(|day| day.to_string()),
        })
        .collect())
}

/// The lot's ledger rows, the latest first.
async fn movements(conn: &mut PgConnection, lot_id: Uuid) -> Result<Vec<LotMovement>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT m.created_at, m.movement_type::text AS "kind!", m.on_hand_change,
                  sb.build_number AS "build_number?", m.reason, m.reference_type, m.reference_id,
                  u.first_name || ' ' || u.last_name AS "by?"
           FROM inventory.stock_movements m
           LEFT JOIN orders.sink_builds sb ON sb.id = m.build_id
           LEFT JOIN auth.users u ON u.id = m.created_by
           WHERE m.lot_id = $1
           ORDER BY m.created_at DESC, m.id DESC LIMIT 200"#,
        lot_id
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            // A BOM is named by its build; a receipt by its delivery note.
            let reference = row
                .reference_type
                .filter(|kind| kind.as_str() != REFERENCE_KIND)
                .zip(row.reference_id)
                .map(|(kind, id)| reference_note(&kind, &id));
            Ok(LotMovement {
                at: minute_utc(row.created_at),
                kind: MovementKind::parse(&row.kind)?,
                change: row.on_hand_change,
                build_number: row.build_number,
                note: row.reason.or(reference),
                by: row.by,
            })
        })
        .collect()
}
