//! The time reads: a task's entries and totals for its page, with the
//! viewer's running timer; an order's totals per unit in one statement.
//! Minutes and totals are the domain's, at the `now` the caller passes.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use torvan::workflow::{ActivityType, Span, TaskNumber, TaskStatus, TaskType, Totals};
use torvan::{BuildNumber, DbEnum, OrderNumber};
use uuid::Uuid;

use super::access;
use super::model::{BuildTime, OrderTime, RunningTimer, TaskTime, TimeEntry};
use crate::auth::CurrentUser;
use crate::error::AppError;

/// A number the database holds that does not read: a schema drift.
fn drift(error: impl std::fmt::Display) -> AppError {
    tracing::error!(%error, "stored time value unreadable");
    AppError::Internal
}

pub async fn task_time(
    conn: &mut PgConnection,
    viewer: &CurrentUser,
    number: &TaskNumber,
    now: DateTime<Utc>,
) -> Result<TaskTime, AppError> {
    let task = access::task(conn, viewer, number).await?;
    let rows = sqlx::query!(
        r#"SELECT coalesce(nullif(trim(u.first_name || ' ' || u.last_name), ''), u.email) AS "who!",
                  e.activity_type AS "activity!", e.start_time, e.end_time,
                  e.is_manual, e.description
           FROM workflow.task_time_entries e JOIN auth.users u ON u.id = e.user_id
           WHERE e.task_id = $1
           ORDER BY e.start_time DESC"#,
        task.id
    )
    .fetch_all(&mut *conn)
    .await?;
    let entries = rows
        .into_iter()
        .map(|row| {
            let span = Span {
                start: row.start_time,
                end: row.end_time,
            };
            Ok(TimeEntry {
                who: row.who,
                activity: ActivityType::parse(&row.activity)?,
                start: span.start,
                end: span.end,
                minutes: span.minutes(now),
                manual: row.is_manual,
                note: row.description,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let spans: Vec<Span> = entries
        .iter()
        .map(|entry| Span {
            start: entry.start,
            end: entry.end,
        })
        .collect();
    Ok(TaskTime {
        may_work: task.may_work,
        running: running(conn, viewer.id, now).await?,
        totals: Totals::of_task(task.estimate, &spans, now),
        estimate: task.estimate,
        entries,
    })
}

/// `user`'s running timer, on whichever task.
pub async fn running(
    conn: &mut PgConnection,
    user: Uuid,
    now: DateTime<Utc>,
) -> Result<Option<RunningTimer>, AppError> {
    let row = sqlx::query!(
        r#"SELECT t.task_number, e.activity_type AS "activity!", e.start_time
           FROM workflow.task_time_entries e JOIN workflow.tasks t ON t.id = e.task_id
           WHERE e.user_id = $1 AND e.end_time IS NULL"#,
        user
    )
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|row| {
        Ok(RunningTimer {
            task: TaskNumber::parse(&row.task_number).map_err(drift)?,
            activity: ActivityType::parse(&row.activity)?,
            start: row.start_time,
            elapsed_seconds: (now - row.start_time).num_seconds().max(0),
        })
    })
    .transpose()
}

/// Each unit's tasks with their entries, summed per unit and for the
/// order, and each unit's progress through its production tasks; units
/// without tasks are left out.
pub async fn order_time(
    conn: &mut PgConnection,
    number: &OrderNumber,
    now: DateTime<Utc>,
) -> Result<OrderTime, AppError> {
    let rows = sqlx::query!(
        r#"SELECT b.build_number, t.id AS task_id, t.estimated_duration_minutes,
                  t.title, t.status::text AS "status!", t.task_type::text AS "task_type!",
                  e.start_time AS "start?", e.end_time
           FROM orders.orders o
           JOIN workflow.tasks t ON t.order_id = o.id
           JOIN orders.sink_builds b ON b.id = t.build_id
           LEFT JOIN workflow.task_time_entries e ON e.task_id = t.id
           WHERE o.order_number = $1
           ORDER BY b.build_number, t.step_code, t.id"#,
        number.as_str()
    )
    .fetch_all(&mut *conn)
    .await?;
    // Rows come grouped by unit, then by task: each task's spans are
    // gathered and totalled, each unit's tasks added up.
    let mut builds: Vec<BuildTime> = Vec::new();
    let mut rows = rows.into_iter().peekable();
    while let Some(first) = rows.next() {
        let mut spans: Vec<Span> = first
            .start
            .map(|start| Span {
                start,
                end: first.end_time,
            })
            .into_iter()
            .collect();
        while let Some(row) = rows.next_if(|row| row.task_id == first.task_id) {
            spans.extend(row.start.map(|start| Span {
                start,
                end: row.end_time,
            }));
        }
        let totals = Totals::of_task(first.estimated_duration_minutes, &spans, now);
        let status = TaskStatus::parse(&first.status)?;
        let production = TaskType::parse(&first.task_type)?.is_production();
        if builds
            .last()
            .is_none_or(|build| build.build.as_str() != first.build_number)
        {
            builds.push(BuildTime {
                build: BuildNumber::parse(&first.build_number).map_err(drift)?,
                totals: Totals::default(),
                production_tasks: 0,
                production_done: 0,
                in_progress: Vec::new(),
            });
        }
        let build = builds.last_mut().ok_or(AppError::Internal)?;
        build.totals = [build.totals, totals].into_iter().sum();
        if production {
            build.production_tasks += 1;
            build.production_done += u32::from(status == TaskStatus::Completed);
        }
        if status == TaskStatus::InProgress {
            build.in_progress.push(first.title);
        }
    }
    Ok(OrderTime {
        total: builds.iter().map(|build| build.totals).sum(),
        builds,
    })
}
