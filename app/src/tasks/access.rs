//! Who may do what to a task, read one way for the boards, moves,
//! assignment, time and materials: the person acting with their station
//! (`auth.users.work_center`), and the task's fields access depends on.
//! Both go to the domain's rules (`torvan::workflow::may_work_on`,
//! `may_take`, `may_handle`, `sees`), so every feature answers alike.

use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::workflow::{Actor, TaskAccess, TaskType, WorkCenterCode};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::AppError;

/// A stored code that does not read: a schema drift.
fn drift(error: impl std::fmt::Display) -> AppError {
    tracing::error!(%error, "stored task access value unreadable");
    AppError::Internal
}

/// The signed-in user with their station.
pub async fn actor(conn: &mut PgConnection, user: &CurrentUser) -> Result<Actor, AppError> {
    let station = sqlx::query_scalar!("SELECT work_center FROM auth.users WHERE id = $1", user.id)
        .fetch_optional(&mut *conn)
        .await?
        .flatten();
    Ok(Actor {
        role: user.role,
        user: user.id,
        work_center: station
            .as_deref()
            .map(WorkCenterCode::parse)
            .transpose()
            .map_err(drift)?,
    })
}

/// A task's access fields as its row stores them (`work_center` and
/// `task_type` as text).
pub fn task_access(
    assigned_to: Option<Uuid>,
    work_center: &str,
    task_type: &str,
    inspection_required: bool,
) -> Result<TaskAccess, AppError> {
    Ok(TaskAccess {
        assigned_to,
        work_center: WorkCenterCode::parse(work_center).map_err(drift)?,
        task_type: TaskType::parse(task_type)?,
        inspection_required,
    })
}
