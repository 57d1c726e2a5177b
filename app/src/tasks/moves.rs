//! A card's move across the board: the one write behind drag and drop and
//! the "Move to…" menu. The task row is locked (`FOR UPDATE`) before the
//! domain's `check_move` reads it, so of two people moving the same card
//! from the same version the second waits for the first, then finds the
//! version raised and is told (`MoveRefusal::Stale`): a move is never lost
//! nor applied to a card that changed. The update still says
//! `WHERE version = seen` as the last guard. A move already made (the card
//! stands where it is sent, at a later version) is answered with the
//! card's version and writes nothing: a tablet's queue may send it twice.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::workflow::{
    Actor, Completion, MoveRefusal, MovingTask, TaskNumber, TaskStatus, already_made, check_move,
    may_work_on,
};

use super::board::queries::predecessors;
use crate::error::AppError;
use crate::tasks::access::task_access;

/// What the mover asked for.
#[derive(Debug, Clone)]
pub struct Move<'a> {
    pub number: &'a TaskNumber,
    pub to: TaskStatus,
    pub seen_version: i32,
    pub hold_reason: Option<&'a str>,
}

/// Moves the task as `actor` at `now`; the task's new version.
pub async fn apply(
    conn: &mut PgConnection,
    actor: &Actor,
    wanted: &Move<'_>,
    now: DateTime<Utc>,
) -> Result<i32, AppError> {
    let row = sqlx::query!(
        r#"SELECT id, title, status::text AS "status!", version, started_at, assigned_to,
                  work_center, task_type::text AS "task_type!",
                  coalesce(inspection_required, FALSE) AS "inspection!",
                  coalesce(approval_required, FALSE) AS "approval!",
                  approved_at IS NOT NULL AS "approved!"
           FROM workflow.tasks WHERE task_number = $1
           FOR UPDATE"#,
        wanted.number.as_str()
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let access = task_access(
        row.assigned_to,
        &row.work_center,
        &row.task_type,
        row.inspection,
    )?;
    if !may_work_on(actor, &access) {
        return Err(AppError::Forbidden);
    }
    let task = MovingTask {
        number: wanted.number.clone(),
        title: row.title,
        status: TaskStatus::parse(&row.status)?,
        version: row.version,
        started_at: row.started_at,
        approval_required: row.approval,
        approved: row.approved,
    };
    if already_made(&task, wanted.to, wanted.seen_version) {
        return Ok(task.version);
    }
    let waits = predecessors(conn, &[row.id])
        .await?
        .remove(&row.id)
        .unwrap_or_default();
    let plan = check_move(
        &task,
        wanted.to,
        wanted.seen_version,
        &waits,
        wanted.hold_reason,
        now,
    )
    .map_err(|refusal| {
        let field = match refusal {
            MoveRefusal::HoldReason { .. } => "hold_reason",
            _ => "to",
        };
        AppError::invalid(field, refusal.message(now))
    })?;
    let (set_completed, completed_at) = match plan.completed_at {
        Completion::Keep => (false, None),
        Completion::Set(at) => (true, Some(at)),
        Completion::Clear => (true, None),
    };
    let version = sqlx::query_scalar!(
        r#"UPDATE workflow.tasks
           SET status = $3::text::task_status,
               started_at = coalesce(started_at, $4),
               completed_at = CASE WHEN $5 THEN $6 ELSE completed_at END,
               hold_reason = $7,
               version = version + 1,
               updated_at = $8
           WHERE id = $1 AND version = $2
           RETURNING version"#,
        row.id,
        wanted.seen_version,
        plan.status.as_db_str(),
        plan.started_at,
        set_completed,
        completed_at,
        plan.hold_reason,
        now,
    )
    .fetch_optional(&mut *conn)
    .await?;
    version.ok_or_else(|| {
        let stale = MoveRefusal::Stale {
            number: wanted.number.clone(),
            now: task.status,
        };
        AppError::invalid("to", stale.message(now))
    })
}
