//! Who does a task, and its approval: an assembler takes an unassigned
//! task of their work center, a coordinator gives any task to any active
//! person (or takes it back), and a coordinator approves a task whose step
//! asks for approval, which its completion then waits for. Each locks the
//! task row and raises its version, so a board that saw the old card is
//! refreshed by the live channel and a move from it is told it is stale.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use torvan::workflow::{Actor, TaskAccess, TaskNumber, may_assign, may_take};
use uuid::Uuid;

use super::board::Assignable;
use crate::error::AppError;
use crate::tasks::access::task_access;

/// The locked task as the rules about people read it.
struct Locked {
    id: Uuid,
    access: TaskAccess,
    approval_required: bool,
    approved: bool,
}

async fn lock(conn: &mut PgConnection, number: &TaskNumber) -> Result<Locked, AppError> {
    let row = sqlx::query!(
        r#"SELECT id, assigned_to, work_center, task_type::text AS "task_type!",
                  coalesce(inspection_required, FALSE) AS "inspection!",
                  coalesce(approval_required, FALSE) AS "approval!",
                  approved_at IS NOT NULL AS "approved!"
           FROM workflow.tasks WHERE task_number = $1
           FOR UPDATE"#,
        number.as_str()
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(Locked {
        id: row.id,
        access: task_access(
            row.assigned_to,
            &row.work_center,
            &row.task_type,
            row.inspection,
        )?,
        approval_required: row.approval,
        approved: row.approved,
    })
}

async fn give(
    conn: &mut PgConnection,
    task: Uuid,
    to: Option<Uuid>,
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE workflow.tasks
         SET assigned_to = $2, assigned_at = CASE WHEN $2::uuid IS NULL THEN NULL ELSE $4::timestamptz END,
             assigned_by = $3, version = version + 1, updated_at = $4
         WHERE id = $1",
        task,
        to,
        by,
        now
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// `actor` takes the task for themselves.
pub async fn take(
    conn: &mut PgConnection,
    actor: &Actor,
    number: &TaskNumber,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let task = lock(conn, number).await?;
    if !may_take(actor, &task.access) {
        let why = if task.access.assigned_to.is_some() {
            format!("{number} is already someone's task; ask the coordinator to give it to you.")
        } else {
            format!("{number} is not at your work center; ask the coordinator to give it to you.")
        };
        return Err(AppError::invalid("task", why));
    }
    give(conn, task.id, Some(actor.user), actor.user, now).await
}

/// `actor` gives the task to `to` (an active user), or to nobody.
pub async fn assign(
    conn: &mut PgConnection,
    actor: &Actor,
    number: &TaskNumber,
    to: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if !may_assign(actor) {
        return Err(AppError::Forbidden);
    }
    let task = lock(conn, number).await?;
    if let Some(user) = to {
        let active = sqlx::query_scalar!(
            r#"SELECT EXISTS (SELECT 1 FROM auth.users WHERE id = $1 AND status = 'ACTIVE') AS "active!""#,
            user
        )
        .fetch_one(&mut *conn)
        .await?;
        if !active {
            return Err(AppError::invalid(
                "assignee",
                "Choose an active person from the list.",
            ));
        }
    }
    give(conn, task.id, to, actor.user, now).await
}

/// `approver` approves the task, which its completion waits for.
pub async fn approve(
    conn: &mut PgConnection,
    approver: Uuid,
    number: &TaskNumber,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let task = lock(conn, number).await?;
    if !task.approval_required {
        return Err(AppError::invalid(
            "task",
            format!("{number} needs no approval."),
        ));
    }
    if task.approved {
        return Err(AppError::invalid(
            "task",
            format!("{number} is approved already."),
        ));
    }
    sqlx::query!(
        "UPDATE workflow.tasks
         SET approved_by = $2, approved_at = $3, version = version + 1, updated_at = $3
         WHERE id = $1",
        task.id,
        approver,
        now
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The people a task may be given to, those at its work center first.
pub async fn assignable(
    conn: &mut PgConnection,
    number: &TaskNumber,
) -> Result<Vec<Assignable>, AppError> {
    let rows = sqlx::query_as!(
        Assignable,
        r#"SELECT u.id, u.first_name || ' ' || u.last_name AS "name!",
                  coalesce(u.work_center = t.work_center, FALSE) AS "at_work_center!"
           FROM auth.users u, workflow.tasks t
           WHERE t.task_number = $1 AND u.status = 'ACTIVE'
             AND u.role IN ('ASSEMBLER', 'PRODUCTION_COORDINATOR', 'QC_PERSON')
           ORDER BY 3 DESC, 2"#,
        number.as_str()
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows)
}
