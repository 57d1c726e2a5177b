//! The template pages' server functions: each checks the permission,
//! parses its arguments, and runs one feature function in one connection
//! or one transaction that it commits.

use leptos::prelude::*;
use server_fn::codec::Json;
use torvan::bom::{TemplateHeader, TemplateLineDraft};
use uuid::Uuid;

use super::model::{Preview, TemplateEditor, TemplateList};
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "bom-templates/list")]
pub async fn list_templates() -> Result<TemplateList, AppError> {
    crate::auth::guard::require(torvan::Resource::BomTemplates, torvan::Action::Read)?;
    let mut conn = crate::db::connection().await?;
    super::queries::list(&mut conn).await
}

/// Starts an empty, inactive template for a family; returns its id.
#[server(prefix = "/api", endpoint = "bom-templates/create")]
pub async fn create_template(family: String, name: String) -> Result<Uuid, AppError> {
    let session =
        crate::auth::guard::require(torvan::Resource::BomTemplates, torvan::Action::Create)?;
    let name = TemplateHeader::new_name(&name)
        .map_err(|error| AppError::invalid(&error.field, error.message))?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let id = super::duplicate::create(&mut tx, session.user.id, &family, &name).await?;
    tx.commit().await?;
    Ok(id)
}

#[server(prefix = "/api", endpoint = "bom-templates/get")]
pub async fn get_template(id: Uuid) -> Result<TemplateEditor, AppError> {
    crate::auth::guard::require(torvan::Resource::BomTemplates, torvan::Action::Read)?;
    let mut conn = crate::db::connection().await?;
    super::queries::editor(&mut conn, id).await
}

/// Saves the template's fields and lines as a new version number; every
/// problem is reported at its field and nothing is saved.
#[server(prefix = "/api", endpoint = "bom-templates/save", input = Json)]
pub async fn save_template(
    id: Uuid,
    header: TemplateHeader,
    lines: Vec<TemplateLineDraft>,
) -> Result<String, AppError> {
    let session =
        crate::auth::guard::require(torvan::Resource::BomTemplates, torvan::Action::Update)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let version = super::save::save(&mut tx, id, &header, &lines).await?;
    tx.commit().await?;
    Ok(version)
}

/// The BOM the lines would give for one configuration, saving nothing.
#[server(prefix = "/api", endpoint = "bom-templates/preview", input = Json)]
pub async fn preview_template(
    id: Uuid,
    lines: Vec<TemplateLineDraft>,
    order_number: String,
    build_number: String,
) -> Result<Preview, AppError> {
    crate::auth::guard::require(torvan::Resource::BomTemplates, torvan::Action::Read)?;
    let order_number = torvan::OrderNumber::parse(&order_number).map_err(|_| AppError::NotFound)?;
    let build_number = torvan::BuildNumber::parse(&build_number).map_err(|_| AppError::NotFound)?;
    torvan::bom::within_line_cap(&lines)?;
    let mut conn = crate::db::connection().await?;
    super::preview::preview(&mut conn, id, &lines, &order_number, &build_number).await
}

/// Copies a template, lines and all, as an inactive template of the same
/// family; returns the copy's id.
#[server(prefix = "/api", endpoint = "bom-templates/duplicate")]
pub async fn duplicate_template(id: Uuid) -> Result<Uuid, AppError> {
    let session =
        crate::auth::guard::require(torvan::Resource::BomTemplates, torvan::Action::Create)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let copy = super::duplicate::duplicate(&mut tx, session.user.id, id).await?;
    tx.commit().await?;
    Ok(copy)
}
