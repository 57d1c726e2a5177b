//! The route pages' server functions: each checks the permission, parses
//! its arguments, and runs one feature function in one connection or one
//! transaction that it commits. Routes are engineering data, as BOM
//! templates are, so the roles that edit templates edit routes.

use leptos::prelude::*;
use server_fn::codec::Json;
use torvan::workflow::route::RouteDraft;

use super::model::{PlannedTask, RouteEditor, RouteSummary};
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "routes/list")]
pub async fn list_routes() -> Result<Vec<RouteSummary>, AppError> {
    crate::auth::guard::require(torvan::Resource::BomTemplates, torvan::Action::Read)?;
    let mut conn = crate::db::connection().await?;
    super::queries::list(&mut conn).await
}

/// The family's route in force; for a family with none, a copy of
/// `copy_from`'s to start from, when given.
#[server(prefix = "/api", endpoint = "routes/get")]
pub async fn get_route(family: String, copy_from: Option<String>) -> Result<RouteEditor, AppError> {
    crate::auth::guard::require(torvan::Resource::BomTemplates, torvan::Action::Read)?;
    let mut conn = crate::db::connection().await?;
    super::queries::editor(&mut conn, &family, copy_from.as_deref()).await
}

/// Saves the draft as the family's next version, when `version` (the one
/// the draft was read from, 0 for none) is still the one in force; every
/// problem is reported at its field and nothing is saved.
#[server(prefix = "/api", endpoint = "routes/save", input = Json)]
pub async fn save_route(family: String, version: i32, draft: RouteDraft) -> Result<i32, AppError> {
    let session =
        crate::auth::guard::require(torvan::Resource::BomTemplates, torvan::Action::Update)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let saved = super::save::save(&mut tx, session.user.id, &family, version, &draft).await?;
    tx.commit().await?;
    Ok(saved)
}

/// The tasks the route as typed would give one build, saving nothing.
#[server(prefix = "/api", endpoint = "routes/preview", input = Json)]
pub async fn preview_route(
    family: String,
    draft: RouteDraft,
    order_number: String,
    build_number: String,
) -> Result<Vec<PlannedTask>, AppError> {
    crate::auth::guard::require(torvan::Resource::BomTemplates, torvan::Action::Read)?;
    let order_number = torvan::OrderNumber::parse(&order_number).map_err(|_| AppError::NotFound)?;
    let build_number = torvan::BuildNumber::parse(&build_number).map_err(|_| AppError::NotFound)?;
    let most = torvan::workflow::route::MAX_STEPS;
    if draft.steps.len() > most {
        return Err(AppError::invalid(
            "steps",
            format!("A route has 1 to {most} steps."),
        ));
    }
    let mut conn = crate::db::connection().await?;
    super::preview::preview(&mut conn, &family, &draft, &order_number, &build_number).await
}
