//! The time server functions. The clock is read once per call
//! (`Utc::now()`), here, and passed to the reads and writes.

use leptos::prelude::*;

use super::model::{OrderTime, TaskTime, TimeEntryForm};
use crate::error::AppError;

#[cfg(feature = "ssr")]
fn parse_task(text: &str) -> Result<torvan::workflow::TaskNumber, AppError> {
    torvan::workflow::TaskNumber::parse(text).map_err(|_| AppError::NotFound)
}

/// A task's time entries and totals, and the viewer's running timer.
#[server(prefix = "/api", endpoint = "tasks/time")]
pub async fn get_task_time(task_number: String) -> Result<TaskTime, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Tasks, torvan::Action::Read)?;
    let number = parse_task(&task_number)?;
    let mut conn = crate::db::connection().await?;
    super::queries::task_time(&mut conn, &session.user, &number, chrono::Utc::now()).await
}

/// The moment a tablet says the person tapped Start or Stop (RFC 3339):
/// sent late when the tablet was offline (`torvan::workflow::tapped_at`).
#[cfg(feature = "ssr")]
fn parse_tapped(text: Option<String>) -> Result<Option<chrono::DateTime<chrono::Utc>>, AppError> {
    text.filter(|text| !text.is_empty())
        .map(|text| {
            chrono::DateTime::parse_from_rfc3339(&text)
                .map(|at| at.to_utc())
                .map_err(|_| {
                    AppError::invalid("timer", "The tablet's time of the tap could not be read.")
                })
        })
        .transpose()
}

/// Starts the caller's timer on a task, pausing their timer on another;
/// `tapped`: when the tablet says Start was tapped.
#[server(prefix = "/api", endpoint = "tasks/time/start")]
pub async fn start_timer(
    task_number: String,
    activity: String,
    tapped: Option<String>,
) -> Result<(), AppError> {
    use torvan::DbEnum;
    let session = crate::auth::guard::require(torvan::Resource::Tasks, torvan::Action::Update)?;
    let number = parse_task(&task_number)?;
    let activity = torvan::workflow::ActivityType::parse(&activity)
        .map_err(|_| AppError::invalid("activity", "Choose set-up, work, rework or waiting."))?;
    let tapped = parse_tapped(tapped)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::writes::lock_person(&mut tx, session.user.id).await?;
    let task = super::access::workable(&mut tx, &session.user, &number).await?;
    let when = super::writes::When {
        tapped,
        now: chrono::Utc::now(),
    };
    super::writes::start(&mut tx, session.user.id, task, activity, when).await?;
    tx.commit().await?;
    Ok(())
}

/// Stops (pauses) the caller's timer on a task; returns its minutes.
/// `tapped`: when the tablet says Stop was tapped.
#[server(prefix = "/api", endpoint = "tasks/time/stop")]
pub async fn stop_timer(task_number: String, tapped: Option<String>) -> Result<i64, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Tasks, torvan::Action::Update)?;
    let number = parse_task(&task_number)?;
    let tapped = parse_tapped(tapped)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::writes::lock_person(&mut tx, session.user.id).await?;
    let task = super::access::workable(&mut tx, &session.user, &number).await?;
    let when = super::writes::When {
        tapped,
        now: chrono::Utc::now(),
    };
    let stopped = super::writes::stop(&mut tx, session.user.id, task, when).await?;
    tx.commit().await?;
    Ok(stopped.minutes)
}

/// Records time the caller worked on a task without the timer.
#[server(prefix = "/api", endpoint = "tasks/time/add")]
pub async fn add_time_entry(task_number: String, draft: TimeEntryForm) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Tasks, torvan::Action::Update)?;
    let number = parse_task(&task_number)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::writes::lock_person(&mut tx, session.user.id).await?;
    let task = super::access::workable(&mut tx, &session.user, &number).await?;
    super::writes::add(
        &mut tx,
        session.user.id,
        &draft.draft(task),
        chrono::Utc::now(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An order's time, per unit and in all, against the estimates.
#[server(prefix = "/api", endpoint = "orders/time")]
pub async fn get_order_time(order_number: String) -> Result<OrderTime, AppError> {
    crate::auth::guard::require(torvan::Resource::Tasks, torvan::Action::Read)?;
    let number = torvan::OrderNumber::parse(&order_number)?;
    let mut conn = crate::db::connection().await?;
    super::queries::order_time(&mut conn, &number, chrono::Utc::now()).await
}
