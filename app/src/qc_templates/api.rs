//! The QC template pages' server functions: each checks the permission,
//! parses its arguments, and runs one feature function in one connection
//! or one transaction that it commits. Checklist templates are engineering
//! data, as BOM templates and routes are, so the roles that edit those
//! edit these, and they read them as routes are read.

use leptos::prelude::*;
use server_fn::codec::Json;
use torvan::quality::{ChecklistTemplateDraft, PlannedItem};

use super::model::{QcTemplateEditor, QcTemplateSummary};
use crate::error::AppError;

/// The phase an address names (`pre-qc`, `final-qc`).
#[cfg(feature = "ssr")]
fn phase_of(slug: &str) -> Result<torvan::quality::QcPhase, AppError> {
    crate::routes::phase_from_slug(slug).ok_or(AppError::NotFound)
}

#[server(prefix = "/api", endpoint = "qc-templates/list")]
pub async fn list_qc_templates() -> Result<Vec<QcTemplateSummary>, AppError> {
    crate::auth::guard::require(torvan::Resource::BomTemplates, torvan::Action::Read)?;
    let mut conn = crate::db::connection().await?;
    super::queries::list(&mut conn).await
}

/// The family's template in force for the phase; for a family with none, a
/// copy of `copy_from`'s for the same phase to start from, when given.
#[server(prefix = "/api", endpoint = "qc-templates/get")]
pub async fn get_qc_template(
    family: String,
    phase: String,
    copy_from: Option<String>,
) -> Result<QcTemplateEditor, AppError> {
    crate::auth::guard::require(torvan::Resource::BomTemplates, torvan::Action::Read)?;
    let phase = phase_of(&phase)?;
    let mut conn = crate::db::connection().await?;
    super::queries::editor(&mut conn, &family, phase, copy_from.as_deref()).await
}

/// Saves the draft as the family's next version for the phase, when
/// `version` (the one the draft was read from, 0 for none) is still the
/// one in force; every problem is reported at its field and nothing is
/// saved.
#[server(prefix = "/api", endpoint = "qc-templates/save", input = Json)]
pub async fn save_qc_template(
    family: String,
    phase: String,
    version: i32,
    draft: ChecklistTemplateDraft,
) -> Result<i32, AppError> {
    let session =
        crate::auth::guard::require(torvan::Resource::BomTemplates, torvan::Action::Update)?;
    let phase = phase_of(&phase)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let saved =
        super::save::save(&mut tx, session.user.id, &family, phase, version, &draft).await?;
    tx.commit().await?;
    Ok(saved)
}

/// The checklist the template as typed would give one sink unit of the
/// family, saving nothing.
#[server(prefix = "/api", endpoint = "qc-templates/preview", input = Json)]
pub async fn preview_qc_template(
    family: String,
    draft: ChecklistTemplateDraft,
    build_number: String,
) -> Result<Vec<PlannedItem>, AppError> {
    crate::auth::guard::require(torvan::Resource::BomTemplates, torvan::Action::Read)?;
    let build_number = torvan::BuildNumber::parse(&build_number).map_err(|_| AppError::NotFound)?;
    let most = torvan::quality::MAX_ITEMS;
    if draft.items.len() > most {
        return Err(AppError::invalid(
            "items",
            format!("A checklist has 1 to {most} items."),
        ));
    }
    let mut conn = crate::db::connection().await?;
    super::preview::preview(&mut conn, &family, &draft, &build_number).await
}
