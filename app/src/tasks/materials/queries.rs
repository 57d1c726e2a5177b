//! The reads the materials table and its writes share: the task and what
//! access to it depends on, the person acting, and the task's lines.

use sqlx::PgConnection;
use torvan::workflow::{MaterialAction, MaterialLine, TaskAccess, TaskNumber, may_handle};
use torvan::{DbEnum, UnitOfMeasure};
use uuid::Uuid;

use super::model::{LotOption, MaterialRow, TaskMaterials};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::tasks::access::{actor, task_access};

/// A task as its materials' writes need it.
pub struct Task {
    pub id: Uuid,
    pub number: TaskNumber,
    pub access: TaskAccess,
    /// The sink configuration whose BOM feeds the task.
    pub configuration_id: Uuid,
    /// The unit the task builds: its issues name it.
    pub build_id: Uuid,
}

pub async fn task(conn: &mut PgConnection, number: &TaskNumber) -> Result<Task, AppError> {
    let row = sqlx::query!(
        r#"SELECT t.id, t.assigned_to, t.work_center, t.task_type::text AS "task_type!",
                  coalesce(t.inspection_required, FALSE) AS "inspection!", b.configuration_id,
                  t.build_id
           FROM workflow.tasks t JOIN orders.sink_builds b ON b.id = t.build_id
           WHERE t.task_number = $1"#,
        number.as_str()
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(Task {
        id: row.id,
        number: number.clone(),
        access: task_access(
            row.assigned_to,
            &row.work_center,
            &row.task_type,
            row.inspection,
        )?,
        configuration_id: row.configuration_id,
        build_id: row.build_id,
    })
}

/// The task's lines, by part number, and what `user` may do to them.
pub async fn materials(
    conn: &mut PgConnection,
    number: &TaskNumber,
    user: &CurrentUser,
) -> Result<TaskMaterials, AppError> {
    let task = task(conn, number).await?;
    let actor = actor(conn, user).await?;
    let rows = sqlx::query!(
        r#"SELECT p.id AS part_id, p.part_number, p.name,
                  coalesce(p.unit_of_measure, 'EACH')::text AS "unit!",
                  coalesce(p.serial_control, false) AS "serial!",
                  m.quantity_required,
                  coalesce(m.quantity_issued, 0) AS "issued!",
                  coalesce(m.quantity_consumed, 0) AS "consumed!",
                  coalesce(m.quantity_returned, 0) AS "returned!"
           FROM workflow.task_materials m JOIN inventory.parts p ON p.id = m.part_id
           WHERE m.task_id = $1
           ORDER BY p.part_number"#,
        task.id
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut lines = Vec::with_capacity(rows.len());
    for row in rows {
        let unit = UnitOfMeasure::parse(&row.unit)?;
        lines.push(MaterialRow {
            lots: lots_on_shelf(conn, row.part_id).await?,
            taken: taken(conn, row.part_id, task.build_id).await?,
            serial_controlled: row.serial,
            part_number: row.part_number,
            name: row.name,
            unit,
            line: MaterialLine {
                required: row.quantity_required,
                issued: row.issued,
                consumed: row.consumed,
                returned: row.returned,
                counted: unit.counted(),
            },
        });
    }
    let may = MaterialAction::ALL
        .into_iter()
        .filter(|&action| may_handle(&actor, &task.access, action))
        .collect();
    Ok(TaskMaterials { lines, may })
}

/// The part's lots with stock, first to expire first: the issue's choice.
async fn lots_on_shelf(conn: &mut PgConnection, part_id: Uuid) -> Result<Vec<LotOption>, AppError> {
    Ok(sqlx::query!(
        "SELECT lot_number, expires_on, quantity_on_hand FROM inventory.stock_lots
         WHERE part_id = $1 AND quantity_on_hand > 0
         ORDER BY expires_on NULLS LAST, received_at LIMIT 20",
        part_id
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|row| LotOption {
        lot_number: row.lot_number,
        expires_on: row.expires_on.map(|day| day.to_string()),
        on_hand: row.quantity_on_hand,
    })
    .collect())
}

/// What of the part's lots the build holds on its bench (`Lot L-1 × 2`).
async fn taken(
    conn: &mut PgConnection,
    part_id: Uuid,
    build_id: Uuid,
) -> Result<Vec<String>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT l.lot_number, -sum(m.on_hand_change)::int AS "out!"
           FROM inventory.stock_movements m
           JOIN inventory.stock_lots l ON l.id = m.lot_id
           WHERE m.part_id = $1 AND m.build_id = $2
           GROUP BY l.lot_number HAVING sum(m.on_hand_change) < 0
           ORDER BY l.lot_number"#,
        part_id,
        build_id
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| format!("Lot {} × {}", row.lot_number, row.out))
        .collect())
}
