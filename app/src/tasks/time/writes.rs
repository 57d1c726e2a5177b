//! The time writes: start, stop, a manual entry. Each takes the person's
//! lock first (`lock_person`): their user row, `FOR UPDATE`, held to the
//! commit, so a second screen's write waits and then reads what the first
//! left. The running timer's minutes and the manual entry's checks are
//! the domain's (`torvan::workflow::timer`), at the `now` the caller
//! passes. A start or stop a tablet kept offline is recorded at the
//! moment it was tapped (`When`), and sent twice it is recorded once: a
//! start finds its timer running, a stop finds its entry already ended
//! at or after the tap.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::workflow::{
    ActivityType, ManualEntryDraft, Running, Span, Stopped, TimerStart, start_timer, stop_timer,
    tapped_at,
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

/// When a start or stop happens: the tablet's moment of the tap, if it
/// sent one, read against the server's clock.
#[derive(Debug, Clone, Copy)]
pub struct When {
    pub tapped: Option<DateTime<Utc>>,
    pub now: DateTime<Utc>,
}

impl When {
    /// The moment recorded, no earlier than the running timer's start.
    fn at(self, running: Option<&Running>) -> Result<DateTime<Utc>, AppError> {
        tapped_at(self.tapped, running.map(|running| running.start), self.now)
            .map_err(|message| AppError::invalid("timer", message))
    }
}

/// Starts `user`'s timer on `task` `when` tapped, pausing their timer on
/// another task; a timer already running on `task` is left running.
pub async fn start(
    conn: &mut PgConnection,
    user: Uuid,
    task: Uuid,
    activity: ActivityType,
    when: When,
) -> Result<(), AppError> {
    let running = running(conn, user).await?;
    let now = when.at(running.as_ref())?;
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

/// Stops `user`'s timer on `task` `when` tapped, with its minutes.
pub async fn stop(
    conn: &mut PgConnection,
    user: Uuid,
    task: Uuid,
    when: When,
) -> Result<Stopped, AppError> {
    let Some(running) = running(conn, user)
        .await?
        .filter(|running| running.task == task)
    else {
        return stopped_since(conn, user, task, when).await?.ok_or_else(|| {
            AppError::invalid(
                "timer",
                "Your timer is not running on this task (any more); reload the page.",
            )
        });
    };
    let stopped = stop_timer(&running, when.at(Some(&running))?);
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

/// A stop sent again: the entry on `task` that a stop ended at or after
/// the tap (the first send, whose answer was lost).
async fn stopped_since(
    conn: &mut PgConnection,
    user: Uuid,
    task: Uuid,
    when: When,
) -> Result<Option<Stopped>, AppError> {
    let Some(tapped) = when.tapped else {
        return Ok(None);
    };
    let row = sqlx::query!(
        r#"SELECT end_time AS "end!", duration_minutes AS "minutes!"
           FROM workflow.task_time_entries
           WHERE user_id = $1 AND task_id = $2 AND NOT is_manual
             AND end_time IS NOT NULL AND duration_minutes IS NOT NULL AND end_time >= $3
           ORDER BY end_time DESC LIMIT 1"#,
        user,
        task,
        tapped
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|row| Stopped {
        task,
        end: row.end,
        minutes: i64::from(row.minutes),
    }))
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
