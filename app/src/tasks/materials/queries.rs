//! The reads the materials table and its writes share: the task and what
//! access to it depends on, the person acting, and the task's lines.

use sqlx::PgConnection;
use torvan::workflow::{MaterialAction, MaterialLine, TaskAccess, TaskNumber, may_handle};
use torvan::{DbEnum, UnitOfMeasure};
use uuid::Uuid;

use super::model::{MaterialRow, TaskMaterials};
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
}

pub async fn task(conn: &mut PgConnection, number: &TaskNumber) -> Result<Task, AppError> {
    let row = sqlx::query!(
        r#"SELECT t.id, t.assigned_to, t.work_center, t.task_type::text AS "task_type!",
                  coalesce(t.inspection_required, FALSE) AS "inspection!", b.configuration_id
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
        r#"SELECT p.part_number, p.name, coalesce(p.unit_of_measure, 'EACH')::text AS "unit!",
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
    let lines = rows
        .into_iter()
        .map(|row| {
            let unit = UnitOfMeasure::parse(&row.unit)?;
            Ok(MaterialRow {
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
            })
        })
        .collect::<Result<_, AppError>>()?;
    let may = MaterialAction::ALL
        .into_iter()
        .filter(|&action| may_handle(&actor, &task.access, action))
        .collect();
    Ok(TaskMaterials { lines, may })
}
