//! Which task a time write or read concerns, and whether the person may
//! work on it (`torvan::workflow::may_work_on`): their role and station
//! against the task's assignee, work center and type (`tasks::access`).

use sqlx::PgConnection;
use torvan::workflow::{TaskNumber, may_work_on};
use torvan::{Action, Resource};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::tasks::access::{actor, task_access};

/// A task as time sees it.
pub struct Timed {
    pub id: Uuid,
    pub estimate: Option<i32>,
    /// `user` may time it and record time on it.
    pub may_work: bool,
}

/// The task numbered `number`, and whether `user` may work on it.
pub async fn task(
    conn: &mut PgConnection,
    user: &CurrentUser,
    number: &TaskNumber,
) -> Result<Timed, AppError> {
    let row = sqlx::query!(
        r#"SELECT t.id, t.estimated_duration_minutes, t.assigned_to, t.work_center,
                  t.task_type::text AS "task_type!",
                  coalesce(t.inspection_required, FALSE) AS "inspection!"
           FROM workflow.tasks t WHERE t.task_number = $1"#,
        number.as_str()
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let actor = actor(conn, user).await?;
    let access = task_access(
        row.assigned_to,
        &row.work_center,
        &row.task_type,
        row.inspection,
    )?;
    Ok(Timed {
        id: row.id,
        estimate: row.estimated_duration_minutes,
        may_work: user.may(Resource::Tasks, Action::Update) && may_work_on(&actor, &access),
    })
}

/// The task numbered `number` if `user` may work on it; 403 otherwise.
pub async fn workable(
    conn: &mut PgConnection,
    user: &CurrentUser,
    number: &TaskNumber,
) -> Result<Uuid, AppError> {
    let task = task(conn, user, number).await?;
    if !task.may_work {
        tracing::warn!(user = %user.email, task = %number, "refused: not their task");
        crate::auth::guard::set_status(axum::http::StatusCode::FORBIDDEN);
        return Err(AppError::Forbidden);
    }
    Ok(task.id)
}
