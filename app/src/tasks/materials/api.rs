use leptos::prelude::*;

use super::model::{IssueEntry, TaskMaterials};
use crate::error::AppError;

/// The reader, when their role may do `action` to some task's materials:
/// signed in and reading tasks, then updating tasks (the bench) or, for an
/// issue or return, inventory (the store). Which task is checked after.
#[cfg(feature = "ssr")]
fn permitted(
    action: torvan::workflow::MaterialAction,
) -> Result<crate::auth::guard::SessionUser, AppError> {
    use crate::auth::guard::{require, set_status};
    let session = require(torvan::Resource::Tasks, torvan::Action::Read)?;
    if !action.permitted(session.user.role) {
        set_status(axum::http::StatusCode::FORBIDDEN);
        return Err(AppError::Forbidden);
    }
    Ok(session)
}

/// A task number and part number from a URL or a form: one that no record
/// could carry names nothing.
#[cfg(feature = "ssr")]
fn named(
    task_number: &str,
    part_number: &str,
) -> Result<(torvan::workflow::TaskNumber, torvan::PartNumber), AppError> {
    let task = torvan::workflow::TaskNumber::parse(task_number).map_err(|_| AppError::NotFound)?;
    let part = torvan::PartNumber::parse(part_number).map_err(|_| AppError::NotFound)?;
    Ok((task, part))
}

/// The task's materials and what the reader may do to them.
#[server(prefix = "/api", endpoint = "tasks/materials")]
pub async fn get_task_materials(task_number: String) -> Result<TaskMaterials, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Tasks, torvan::Action::Read)?;
    let number =
        torvan::workflow::TaskNumber::parse(&task_number).map_err(|_| AppError::NotFound)?;
    let mut conn = crate::db::connection().await?;
    super::queries::materials(&mut conn, &number, &session.user).await
}

/// Issues whole units of a part from the unit's BOM to the task's bench,
/// from the lot and serials `choice` names or else the suggested ones.
#[server(prefix = "/api", endpoint = "tasks/materials/issue")]
pub async fn issue_material(
    task_number: String,
    part_number: String,
    quantity: String,
    #[server(default)] choice: IssueEntry,
) -> Result<(), AppError> {
    let session = permitted(torvan::workflow::MaterialAction::Issue)?;
    let (number, part) = named(&task_number, &part_number)?;
    let quantity = torvan::workflow::parse_units(&quantity)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::writes::issue(&mut tx, &session.user, &number, &part, quantity, &choice).await?;
    tx.commit().await?;
    Ok(())
}

/// Records what the bench used of a part issued to the task.
#[server(prefix = "/api", endpoint = "tasks/materials/consume")]
pub async fn consume_material(
    task_number: String,
    part_number: String,
    quantity: String,
) -> Result<(), AppError> {
    let session = permitted(torvan::workflow::MaterialAction::Consume)?;
    let (number, part) = named(&task_number, &part_number)?;
    let quantity = torvan::workflow::parse_consumed(&quantity)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::writes::consume(&mut tx, &session.user, &number, &part, quantity).await?;
    tx.commit().await?;
    Ok(())
}

/// Returns whole units of a part from the task's bench to the shelf.
#[server(prefix = "/api", endpoint = "tasks/materials/return")]
pub async fn return_material(
    task_number: String,
    part_number: String,
    quantity: String,
) -> Result<(), AppError> {
    let session = permitted(torvan::workflow::MaterialAction::Return)?;
    let (number, part) = named(&task_number, &part_number)?;
    let quantity = torvan::workflow::parse_units(&quantity)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::writes::give_back(&mut tx, &session.user, &number, &part, quantity).await?;
    tx.commit().await?;
    Ok(())
}
