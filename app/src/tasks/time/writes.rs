//! The time writes: start, stop, a manual entry. Each takes the person's
//! lock first (`lock_person`): their user row, `FOR UPDATE`, held to the
//! commit, so a second screen's write waits and then reads what the first
//! left. The running timer's minutes and the manual entry's checks are
//! the domain's (`torvan::workflow::timer`), at the `now` the caller
//! passes.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::workflow::{
    ActivityType, ManualEntryDraft, Running, Span, Stopped, TimerStart, start_timer, stop_timer,
};
use uuid::Uuid;

use crate::error::AppError;

/// Holds `user`'s time writes back until this transaction ends.
pub async fn lock_person(conn: &mut PgConnection, user: Uuid) -> Result<(), AppError> {
    sqlx::query_scalar!("SELECT id FROM auth.users WHERE id = $1 FOR UPDATE", user)
        .fetch_one(&mut *conn)
        .await?;
    Ok(())
}

/// Starts `user`'s timer on `task` at `now`, pausing their timer on
/// another task; a timer already running on `task` is left running.
pub async fn start(
    conn: &mut PgConnection,
    user: Uuid,
    task: Uuid,
    activity: ActivityType,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let running = running(conn, user).await?;
    let TimerStart::Start { pause } = start_timer(running.as_ref(), task, now) else {
        return Ok(());
    };
    if let Some(paused) = pause {
        close(conn, user, &paused).await?;
    }
    sqlx::query!(
        "INSERT INTO workflow.task_time_entries (task_id, user_id, start_time, activity_type)
         VALUES ($1, $2, $3, $4)",
        task,
        user,
        now,
        activity.as_db_str()
    )
    .execute(&mut *conn)
    .await
    .map_err(|error| {
        AppError::from_constraint(error, |name| {
            (name == "time_entry_one_running_per_person").then(|| {
                AppError::invalid(
                    "timer",
                    "Your timer was started from another screen at the same moment; reload the page to see it.",
                )
            })
        })
    })?;
    Ok(())
}

/// Stops `user`'s timer on `task` at `now`, with its minutes.
pub async fn stop(
    conn: &mut PgConnection,
    user: Uuid,
    task: Uuid,
    now: DateTime<Utc>,
) -> Result<Stopped, AppError> {
    let running = running(conn, user)
        .await?
        .filter(|running| running.task == task)
        .ok_or_else(|| {
            AppError::invalid(
                "timer",
                "Your timer is not running on this task (any more); reload the page.",
            )
        })?;
    let stopped = stop_timer(&running, now);
    close(conn, user, &stopped).await?;
    Ok(stopped)
}

/// Records a manual entry of `user`, checked against their other entries.
pub async fn add(
    conn: &mut PgConnection,
    user: Uuid,
    draft: &ManualEntryDraft,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let others = sqlx::query!(
        "SELECT start_time, end_time FROM workflow.task_time_entries WHERE user_id = $1",
        user
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|row| Span {
        start: row.start_time,
        end: row.end_time,
    })
    .collect::<Vec<_>>();
    let entry = draft.parse(&others, now).map_err(AppError::InvalidFields)?;
    sqlx::query!(
        "INSERT INTO workflow.task_time_entries
             (task_id, user_id, start_time, end_time, duration_minutes, activity_type,
              description, is_manual, is_complete)
         VALUES ($1, $2, $3, $4, $5, $6, $7, TRUE, TRUE)",
        entry.task,
        user,
        entry.start,
        entry.end,
        i32::try_from(entry.minutes).map_err(|_| AppError::Internal)?,
        entry.activity.as_db_str(),
        entry.note
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn running(conn: &mut PgConnection, user: Uuid) -> Result<Option<Running>, AppError> {
    let row = sqlx::query!(
        "SELECT task_id, start_time FROM workflow.task_time_entries
         WHERE user_id = $1 AND end_time IS NULL",
        user
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|row| Running {
        task: row.task_id,
        start: row.start_time,
    }))
}

/// Ends `user`'s running entry as `stopped` says.
async fn close(conn: &mut PgConnection, user: Uuid, stopped: &Stopped) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE workflow.task_time_entries
         SET end_time = $2, duration_minutes = $3, is_complete = TRUE
         WHERE user_id = $1 AND task_id = $4 AND end_time IS NULL",
        user,
        stopped.end,
        i32::try_from(stopped.minutes).map_err(|_| AppError::Internal)?,
        stopped.task
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}
