//! The task page's reads: the task with its build, order and assignee in
//! one statement, then its links and its materials.

use sqlx::PgConnection;
use torvan::workflow::{
    DependencyType, TaskNumber, TaskPriority, TaskStatus, TaskType, WorkCenterCode,
};
use torvan::{BuildNumber, DbEnum, OrderNumber};
use uuid::Uuid;

use super::model::{LinkedTask, TaskDetail, TaskMaterial};
use crate::error::AppError;

/// A number the database holds that does not read: a schema drift.
fn drift(error: impl std::fmt::Display) -> AppError {
    tracing::error!(%error, "stored task value unreadable");
    AppError::Internal
}

pub async fn detail(conn: &mut PgConnection, number: &TaskNumber) -> Result<TaskDetail, AppError> {
    let row = sqlx::query!(
        r#"SELECT t.id, t.task_number, t.title, t.task_type::text AS "task_type!",
                  t.status::text AS "status!", t.priority::text AS "priority!", t.version,
                  o.order_number, b.build_number, f.code AS family, t.work_center,
                  w.name AS work_center_name,
                  nullif(trim(u.first_name || ' ' || u.last_name), '') AS assignee,
                  coalesce(t.estimated_duration_minutes, 0) AS "estimated!",
                  (SELECT coalesce(sum(coalesce(e.duration_minutes,
                              ceil(extract(epoch FROM now() - e.start_time) / 60)::int)), 0)
                   FROM workflow.task_time_entries e WHERE e.task_id = t.id)::bigint AS "actual!",
                  t.due_date, t.started_at, t.completed_at,
                  coalesce(t.work_instructions, '') AS "instructions!",
                  coalesce(t.required_tools, '{}') AS "tools!", coalesce(t.required_skills, '{}') AS "skills!",
                  coalesce(t.inspection_required, FALSE) AS "inspection!",
                  coalesce(t.approval_required, FALSE) AS "approval!",
                  nullif(trim(a.first_name || ' ' || a.last_name), '') AS approver, t.approved_at,
                  t.hold_reason
           FROM workflow.tasks t
           JOIN orders.orders o ON o.id = t.order_id
           JOIN orders.sink_builds b ON b.id = t.build_id
           JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
           JOIN products.sink_families f ON f.id = c.sink_family_id
           JOIN workflow.work_centers w ON w.code = t.work_center
           LEFT JOIN auth.users u ON u.id = t.assigned_to
           LEFT JOIN auth.users a ON a.id = t.approved_by
           WHERE t.task_number = $1"#,
        number.as_str()
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(TaskDetail {
        number: TaskNumber::parse(&row.task_number).map_err(drift)?,
        title: row.title,
        task_type: TaskType::parse(&row.task_type)?,
        status: TaskStatus::parse(&row.status)?,
        priority: TaskPriority::parse(&row.priority)?,
        version: row.version,
        order_number: OrderNumber::parse(&row.order_number).map_err(drift)?,
        build_number: BuildNumber::parse(&row.build_number).map_err(drift)?,
        family: row.family,
        work_center: WorkCenterCode::parse(&row.work_center).map_err(drift)?,
        work_center_name: row.work_center_name,
        assignee: row.assignee,
        estimated_minutes: row.estimated,
        actual_minutes: row.actual,
        due: row.due_date,
        started_at: row.started_at,
        completed_at: row.completed_at,
        instructions: row.instructions,
        tools: row.tools,
        skills: row.skills,
        inspection_required: row.inspection,
        approval_required: row.approval,
        approved: row.approver.zip(row.approved_at),
        hold_reason: row.hold_reason,
        predecessors: linked(conn, row.id, Side::Predecessors).await?,
        successors: linked(conn, row.id, Side::Successors).await?,
        materials: materials(conn, row.id).await?,
    })
}

enum Side {
    Predecessors,
    Successors,
}

async fn linked(
    conn: &mut PgConnection,
    task_id: Uuid,
    side: Side,
) -> Result<Vec<LinkedTask>, AppError> {
    let predecessors = matches!(side, Side::Predecessors);
    let rows = sqlx::query!(
        r#"SELECT o.task_number, o.title, o.status::text AS "status!", d.dependency_type,
                  d.lag_time_minutes
           FROM workflow.task_dependencies d
           JOIN workflow.tasks o
             ON o.id = CASE WHEN $2 THEN d.predecessor_task_id ELSE d.successor_task_id END
           WHERE CASE WHEN $2 THEN d.successor_task_id ELSE d.predecessor_task_id END = $1
           ORDER BY o.task_number"#,
        task_id,
        predecessors
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(LinkedTask {
                number: TaskNumber::parse(&row.task_number).map_err(drift)?,
                title: row.title,
                status: TaskStatus::parse(&row.status)?,
                dependency: DependencyType::parse(&row.dependency_type)?,
                lag_minutes: row.lag_time_minutes,
            })
        })
        .collect()
}

async fn materials(conn: &mut PgConnection, task_id: Uuid) -> Result<Vec<TaskMaterial>, AppError> {
    let rows = sqlx::query_as!(
        TaskMaterial,
        r#"SELECT p.part_number, p.name, m.quantity_required AS required,
                  coalesce(m.quantity_issued, 0) AS "issued!",
                  coalesce(m.quantity_consumed, 0) AS "consumed!",
                  coalesce(m.quantity_returned, 0) AS "returned!"
           FROM workflow.task_materials m JOIN inventory.parts p ON p.id = m.part_id
           WHERE m.task_id = $1
           ORDER BY p.part_number"#,
        task_id
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows)
}
