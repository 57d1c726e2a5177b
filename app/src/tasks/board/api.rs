use leptos::prelude::*;
use server_fn::codec::Json;

use super::model::{Board, BoardFilter, BoardHome, BoardScope};
use crate::error::AppError;

/// The board picker: every work center with its open work, and the
/// caller's own station.
#[server(prefix = "/api", endpoint = "tasks/boards")]
pub async fn get_board_home() -> Result<BoardHome, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Tasks, torvan::Action::Read)?;
    let mut conn = crate::db::connection().await?;
    let actor = crate::tasks::access::actor(&mut conn, &session.user).await?;
    Ok(BoardHome {
        own: actor.work_center.map(|code| code.as_str().to_owned()),
        work_centers: super::queries::work_centers(&mut conn).await?,
    })
}

/// One board's cards under its filters.
#[server(prefix = "/api", endpoint = "tasks/board", input = Json)]
pub async fn get_board(scope: BoardScope, filter: BoardFilter) -> Result<Board, AppError> {
    use chrono::{Duration, NaiveDate, Utc};
    use torvan::workflow::{TaskPriority, WorkCenterCode};
    use torvan::{DbEnum, OrderNumber};

    use super::queries::{CardQuery, cards, order_id, work_centers};
    use crate::tasks::access::actor;

    let session = crate::auth::guard::require(torvan::Resource::Tasks, torvan::Action::Read)?;
    let now = Utc::now();
    let text = |value: &Option<String>| {
        value
            .as_deref()
            .map(str::trim)
            .filter(|value| !value.is_empty())
            .map(str::to_owned)
    };
    let mut query = CardQuery {
        priority: text(&filter.priority)
            .map(|priority| TaskPriority::parse(&priority.to_uppercase()))
            .transpose()
            .map_err(|_| AppError::invalid("priority", "Choose a priority from the list."))?,
        family: text(&filter.family).map(|family| family.to_uppercase()),
        order: text(&filter.order)
            .map(|order| OrderNumber::parse(&order))
            .transpose()
            .map_err(|_| AppError::invalid("order", "An order number reads ORD-2026-0110."))?,
        due_before: match text(&filter.due).as_deref() {
            None => None,
            Some("overdue") => Some(now),
            Some(date) => Some(
                NaiveDate::parse_from_str(date, "%Y-%m-%d")
                    .map_err(|_| AppError::invalid("due", "A date reads 2026-12-01."))?
                    .and_hms_opt(0, 0, 0)
                    .map(|start| start.and_utc() + Duration::days(1))
                    .ok_or(AppError::BadRequest)?,
            ),
        },
        // Done stays on a board for a day: the board shows the work, not its history.
        done_since: Some(now - Duration::hours(24)),
        ..CardQuery::default()
    };
    match text(&filter.assignee).as_deref() {
        None => {}
        Some("me") => query.assignee = Some(session.user.id),
        Some("nobody") => query.unassigned = true,
        Some(id) => {
            query.assignee = Some(
                id.parse()
                    .map_err(|_| AppError::invalid("assignee", "Choose a person from the list."))?,
            )
        }
    }
    let mut conn = crate::db::connection().await?;
    let acting = actor(&mut conn, &session.user).await?;
    let (title, work_center, order) = match &scope {
        BoardScope::WorkCenter(code) => {
            let code = WorkCenterCode::parse(code).map_err(|_| AppError::NotFound)?;
            let center = work_centers(&mut conn)
                .await?
                .into_iter()
                .find(|center| center.code == code.as_str())
                .ok_or(AppError::NotFound)?;
            query.work_center = Some(code);
            (center.name.clone(), Some(center), None)
        }
        BoardScope::Order(number) => {
            let number = OrderNumber::parse(number).map_err(|_| AppError::NotFound)?;
            let id = order_id(&mut conn, &number).await?;
            query.order = Some(number.clone());
            // An order's board is its whole story, done tasks included.
            query.done_since = None;
            (format!("Order {number}"), None, Some(id))
        }
        BoardScope::Mine => {
            query.assignee = Some(session.user.id);
            ("My tasks".to_owned(), None, None)
        }
    };
    let cards = cards(&mut conn, &acting, &query, now).await?;
    Ok(Board {
        title,
        work_center,
        order_id: order,
        now,
        cards,
        may_move: session
            .user
            .may(torvan::Resource::Tasks, torvan::Action::Update),
    })
}

/// Moves a card to the column `to` (a status), from the board that saw
/// it at `version`; a hold needs its reason. Refused moves answer at `to`
/// (or `hold_reason`) with the rules' own message.
#[server(prefix = "/api", endpoint = "tasks/move")]
pub async fn move_task(
    task_number: String,
    to: String,
    version: i32,
    hold_reason: Option<String>,
) -> Result<i32, AppError> {
    use torvan::DbEnum;
    use torvan::workflow::{TaskNumber, TaskStatus};

    let session = crate::auth::guard::require(torvan::Resource::Tasks, torvan::Action::Update)?;
    let number = TaskNumber::parse(&task_number).map_err(|_| AppError::NotFound)?;
    let to = TaskStatus::parse(&to)
        .map_err(|_| AppError::invalid("to", "Choose a column of the board."))?;
    let now = chrono::Utc::now();
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let actor = crate::tasks::access::actor(&mut tx, &session.user).await?;
    let wanted = crate::tasks::moves::Move {
        number: &number,
        to,
        seen_version: version,
        hold_reason: hold_reason.as_deref(),
    };
    let version = crate::tasks::moves::apply(&mut tx, &actor, &wanted, now).await?;
    tx.commit().await?;
    Ok(version)
}

/// The caller takes the task (an assembler, an unassigned task of their
/// work center).
#[server(prefix = "/api", endpoint = "tasks/take")]
pub async fn take_task(task_number: String) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Tasks, torvan::Action::Update)?;
    let number =
        torvan::workflow::TaskNumber::parse(&task_number).map_err(|_| AppError::NotFound)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let actor = crate::tasks::access::actor(&mut tx, &session.user).await?;
    crate::tasks::assign::take(&mut tx, &actor, &number, chrono::Utc::now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Gives the task to a person (`assignee`, a user id), or to nobody: the
/// coordinator's, who creates tasks (the table's Tasks Create).
#[server(prefix = "/api", endpoint = "tasks/assign")]
pub async fn assign_task(task_number: String, assignee: Option<String>) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Tasks, torvan::Action::Create)?;
    let number =
        torvan::workflow::TaskNumber::parse(&task_number).map_err(|_| AppError::NotFound)?;
    let assignee = assignee
        .filter(|id| !id.is_empty())
        .map(|id| id.parse())
        .transpose()
        .map_err(|_| AppError::invalid("assignee", "Choose a person from the list."))?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let actor = crate::tasks::access::actor(&mut tx, &session.user).await?;
    crate::tasks::assign::assign(&mut tx, &actor, &number, assignee, chrono::Utc::now()).await?;
    tx.commit().await?;
    Ok(())
}

/// The people the task may be given to, those at its work center first.
#[server(prefix = "/api", endpoint = "tasks/assignable")]
pub async fn assignable_users(
    task_number: String,
) -> Result<Vec<super::model::Assignable>, AppError> {
    crate::auth::guard::require(torvan::Resource::Tasks, torvan::Action::Create)?;
    let number =
        torvan::workflow::TaskNumber::parse(&task_number).map_err(|_| AppError::NotFound)?;
    let mut conn = crate::db::connection().await?;
    crate::tasks::assign::assignable(&mut conn, &number).await
}

/// Approves a task whose step asks for approval (coordinators, admins).
#[server(prefix = "/api", endpoint = "tasks/approve")]
pub async fn approve_task(task_number: String) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Tasks, torvan::Action::Approve)?;
    let number =
        torvan::workflow::TaskNumber::parse(&task_number).map_err(|_| AppError::NotFound)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    crate::tasks::assign::approve(&mut tx, session.user.id, &number, chrono::Utc::now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Every active person's load, for the coordinator's workload panel.
#[server(prefix = "/api", endpoint = "tasks/workload")]
pub async fn get_workload() -> Result<Vec<super::model::Workload>, AppError> {
    crate::auth::guard::require(torvan::Resource::Tasks, torvan::Action::Create)?;
    let mut conn = crate::db::connection().await?;
    super::queries::workload(&mut conn).await
}
