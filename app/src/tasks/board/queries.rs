//! The boards' reads: one statement for the cards, one for their
//! predecessors' states (from which the domain's `blocker` names what
//! holds each card back), so a board of 500 cards is two round trips.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use torvan::workflow::{
    Actor, Dependency, DependencyType, Predecessor, PredecessorTimes, TaskNumber, TaskPriority,
    TaskStatus, WorkCenterCode, blocker, sees,
};
use torvan::{BuildNumber, DbEnum, OrderNumber};
use uuid::Uuid;

use super::model::{BoardCard, WorkCenterSummary, Workload};
use crate::error::AppError;
use crate::tasks::access::task_access;

/// A value the database holds that does not read: a schema drift.
fn drift(error: impl std::fmt::Display) -> AppError {
    tracing::error!(%error, "stored task value unreadable");
    AppError::Internal
}

/// Which cards a board reads, parsed from its scope and filters.
#[derive(Debug, Default)]
pub struct CardQuery {
    pub work_center: Option<WorkCenterCode>,
    pub order: Option<OrderNumber>,
    pub assignee: Option<Uuid>,
    pub unassigned: bool,
    pub priority: Option<TaskPriority>,
    pub family: Option<String>,
    pub due_before: Option<DateTime<Utc>>,
    /// Done cards completed before this stay off the board.
    pub done_since: Option<DateTime<Utc>>,
}

pub async fn work_centers(conn: &mut PgConnection) -> Result<Vec<WorkCenterSummary>, AppError> {
    let rows = sqlx::query_as!(
        WorkCenterSummary,
        r#"SELECT w.code, w.name, w.wip_limit,
                  count(t.id) FILTER (WHERE t.status IN ('PENDING', 'IN_PROGRESS', 'ON_HOLD')) AS "open!",
                  count(t.id) FILTER (WHERE t.status = 'IN_PROGRESS') AS "in_progress!"
           FROM workflow.work_centers w
           LEFT JOIN workflow.tasks t ON t.work_center = w.code
           WHERE w.is_active
           GROUP BY w.id
           ORDER BY w.sort_order, w.code"#
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows)
}

pub async fn order_id(conn: &mut PgConnection, order: &OrderNumber) -> Result<Uuid, AppError> {
    sqlx::query_scalar!(
        "SELECT id FROM orders.orders WHERE order_number = $1",
        order.as_str()
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)
}

/// The cards `query` selects that `actor` sees, each with its blocker as
/// of `now`, most urgent first, then by due date and number.
pub async fn cards(
    conn: &mut PgConnection,
    actor: &Actor,
    query: &CardQuery,
    now: DateTime<Utc>,
) -> Result<Vec<BoardCard>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT t.id, t.task_number AS "task_number!", t.title, t.task_type::text AS "task_type!",
                  t.status::text AS "status!", t.priority::text AS "priority!", t.version,
                  o.order_number, b.build_number, t.work_center, t.assigned_to,
                  nullif(trim(u.first_name || ' ' || u.last_name), '') AS assignee,
                  coalesce(t.estimated_duration_minutes, 0) AS "estimated!",
                  (SELECT coalesce(sum(coalesce(e.duration_minutes,
                              ceil(extract(epoch FROM $9::timestamptz - e.start_time) / 60)::int)), 0)
                   FROM workflow.task_time_entries e WHERE e.task_id = t.id)::bigint AS "actual!",
                  t.due_date, t.started_at,
                  coalesce(t.inspection_required, FALSE) AS "inspection!",
                  coalesce(t.approval_required, FALSE) AS "approval!",
                  t.approved_at IS NOT NULL AS "approved!", t.hold_reason
           FROM workflow.tasks t
           JOIN orders.orders o ON o.id = t.order_id
           JOIN orders.sink_builds b ON b.id = t.build_id
           JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
           JOIN products.sink_families f ON f.id = c.sink_family_id
           LEFT JOIN auth.users u ON u.id = t.assigned_to
           WHERE t.status <> 'CANCELLED'
             AND ($1::text IS NULL OR t.work_center = $1)
             AND ($2::text IS NULL OR o.order_number = $2)
             AND ($3::uuid IS NULL OR t.assigned_to = $3)
             AND (NOT $4 OR t.assigned_to IS NULL)
             AND ($5::text IS NULL OR t.priority::text = $5)
             AND ($6::text IS NULL OR f.code = $6)
             AND ($7::timestamptz IS NULL OR t.due_date < $7)
             AND ($8::timestamptz IS NULL OR t.status <> 'COMPLETED' OR t.completed_at >= $8)
           ORDER BY t.priority DESC, t.due_date NULLS LAST, t.task_number"#,
        query.work_center.as_ref().map(WorkCenterCode::as_str),
        query.order.as_ref().map(OrderNumber::as_str),
        query.assignee,
        query.unassigned,
        query.priority.map(|priority| priority.as_db_str()),
        query.family.as_deref(),
        query.due_before,
        query.done_since,
        now,
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut visible = Vec::with_capacity(rows.len());
    for row in rows {
        let access = task_access(
            row.assigned_to,
            &row.work_center,
            &row.task_type,
            row.inspection,
        )?;
        if sees(actor, &access) {
            visible.push((row.id, row));
        }
    }
    let ids: Vec<Uuid> = visible.iter().map(|(id, _)| *id).collect();
    let mut waits = predecessors(conn, &ids).await?;
    visible
        .into_iter()
        .map(|(id, row)| {
            let status = TaskStatus::parse(&row.status)?;
            let predecessors = waits.remove(&id).unwrap_or_default();
            Ok(BoardCard {
                number: TaskNumber::parse(&row.task_number).map_err(drift)?,
                title: row.title,
                build_number: BuildNumber::parse(&row.build_number).map_err(drift)?,
                order_number: OrderNumber::parse(&row.order_number).map_err(drift)?,
                work_center: row.work_center,
                status,
                priority: TaskPriority::parse(&row.priority)?,
                version: row.version,
                assignee: row.assignee,
                due: row.due_date,
                estimated_minutes: row.estimated,
                actual_minutes: row.actual,
                started_at: row.started_at,
                approval_required: row.approval,
                approved: row.approved,
                hold_reason: row.hold_reason,
                blocked_by: blocker(status, &predecessors, now).map(|blocker| blocker.label()),
            })
        })
        .collect()
}

/// The predecessors of each of `tasks`, keyed by the successor's id.
pub async fn predecessors(
    conn: &mut PgConnection,
    tasks: &[Uuid],
) -> Result<std::collections::HashMap<Uuid, Vec<Predecessor>>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT d.successor_task_id, p.task_number AS "task_number!", p.title,
                  d.dependency_type, d.lag_time_minutes, p.status::text AS "status!",
                  p.started_at, p.completed_at
           FROM workflow.task_dependencies d
           JOIN workflow.tasks p ON p.id = d.predecessor_task_id
           WHERE d.successor_task_id = ANY($1)
           ORDER BY p.task_number"#,
        tasks
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut by_task: std::collections::HashMap<Uuid, Vec<Predecessor>> = Default::default();
    for row in rows {
        by_task
            .entry(row.successor_task_id)
            .or_default()
            .push(Predecessor {
                number: TaskNumber::parse(&row.task_number).map_err(drift)?,
                title: row.title,
                dependency: Dependency {
                    kind: DependencyType::parse(&row.dependency_type)?,
                    lag_minutes: row.lag_time_minutes,
                },
                times: PredecessorTimes {
                    status: TaskStatus::parse(&row.status)?,
                    started_at: row.started_at,
                    completed_at: row.completed_at,
                },
            });
    }
    Ok(by_task)
}

/// The load of everyone who has open tasks, the busiest first.
pub async fn workload(conn: &mut PgConnection) -> Result<Vec<Workload>, AppError> {
    let rows = sqlx::query_as!(
        Workload,
        r#"SELECT user_name AS "name!", pending_tasks AS "pending!", active_tasks AS "active!",
                  coalesce(estimated_remaining_minutes, 0)::bigint AS "remaining_minutes!"
           FROM workflow.user_workload
           WHERE pending_tasks + active_tasks > 0
           ORDER BY estimated_remaining_minutes DESC NULLS LAST, user_name"#
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows)
}
