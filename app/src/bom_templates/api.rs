use leptos::prelude::*;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;
use torvan::bom::{TemplateHeader, TemplateLineDraft};
use torvan::sink::FamilyOptions;
use uuid::Uuid;

use crate::boms::BomRow;
use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateSummary {
    pub id: Uuid,
    pub family: String,
    pub name: String,
    pub version: String,
    pub priority: i32,
    pub rule: String,
    pub lines: i64,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateEditor {
    pub id: Uuid,
    pub family: String,
    pub version: String,
    pub header: TemplateHeader,
    pub lines: Vec<TemplateLineDraft>,
    /// The family's options, whose sample configurations the editor tries
    /// every rule on.
    pub family_options: FamilyOptions,
    /// Configurations of the family a preview can be run against:
    /// (order number, build number).
    pub configurations: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    pub parts_count: usize,
    pub total_cost: Decimal,
    pub total_weight: Decimal,
    pub rows: Vec<BomRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateList {
    pub templates: Vec<TemplateSummary>,
    /// The configurable families a new template can be for: (code, name).
    pub families: Vec<(String, String)>,
}

#[server(prefix = "/api", endpoint = "bom-templates/list")]
pub async fn list_templates() -> Result<TemplateList, AppError> {
    crate::auth::guard::require(torvan::Resource::BomTemplates, torvan::Action::Read)?;
    super::queries::list(&crate::state::pool()?).await
}

/// Starts an empty, inactive template for a family; returns its id.
#[server(prefix = "/api", endpoint = "bom-templates/create")]
pub async fn create_template(family: String, name: String) -> Result<Uuid, AppError> {
    let session =
        crate::auth::guard::require(torvan::Resource::BomTemplates, torvan::Action::Create)?;
    super::duplicate::create(&crate::state::pool()?, &session, &family, &name).await
}

#[server(prefix = "/api", endpoint = "bom-templates/get")]
pub async fn get_template(id: Uuid) -> Result<TemplateEditor, AppError> {
    crate::auth::guard::require(torvan::Resource::BomTemplates, torvan::Action::Read)?;
    super::queries::editor(&crate::state::pool()?, id).await
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
    super::save::save(&crate::state::pool()?, &session, id, &header, &lines).await
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
    let pool = crate::state::pool()?;
    super::preview::preview(&pool, id, &lines, &order_number, &build_number).await
}

/// Copies a template, lines and all, as an inactive template of the same
/// family; returns the copy's id.
#[server(prefix = "/api", endpoint = "bom-templates/duplicate")]
pub async fn duplicate_template(id: Uuid) -> Result<Uuid, AppError> {
    let session =
        crate::auth::guard::require(torvan::Resource::BomTemplates, torvan::Action::Create)?;
    super::duplicate::duplicate(&crate::state::pool()?, &session, id).await
}
