//! The catalogue's server functions: the tree one level at a time, a
//! group's page, and a group saved.

use leptos::prelude::*;
use torvan::CatalogueLevel;
use uuid::Uuid;

use super::model::{CatalogueNode, GroupDetail, GroupEntry};
use crate::error::AppError;

/// The tree's top (categories) or the children of one group.
#[server(prefix = "/api", endpoint = "inventory/catalogue/children")]
pub async fn catalogue_children(
    level: Option<CatalogueLevel>,
    id: Option<Uuid>,
) -> Result<Vec<CatalogueNode>, AppError> {
    crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Read)?;
    let parent = level.zip(id);
    let mut conn = crate::db::connection().await?;
    super::queries::children(&mut conn, parent).await
}

#[server(prefix = "/api", endpoint = "inventory/catalogue/group")]
pub async fn catalogue_group(level: CatalogueLevel, id: Uuid) -> Result<GroupDetail, AppError> {
    crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Read)?;
    let mut conn = crate::db::connection().await?;
    super::queries::group(&mut conn, level, id).await
}

/// Creates a group under `parent` (`id` empty) or edits group `id` of
/// `level` (1 categories to 3 sub-assemblies) with the fields of `group`;
/// returns its id.
#[server(prefix = "/api", endpoint = "inventory/catalogue/save")]
pub async fn save_group(
    level: String,
    id: Option<Uuid>,
    parent: Option<Uuid>,
    group: GroupEntry,
) -> Result<Uuid, AppError> {
    let action = if id.is_some() {
        torvan::Action::Update
    } else {
        torvan::Action::Create
    };
    let session = crate::auth::guard::require(torvan::Resource::Inventory, action)?;
    let level = torvan::catalogue_group::parse_level(&level)
        .map_err(|message| AppError::invalid("level", message))?;
    let draft = torvan::catalogue_group::GroupDraft::parse(
        level,
        &group.key,
        &group.name,
        &group.description,
        &group.status,
    )?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let saved = super::save::save(&mut tx, &draft, id, parent, session.user.id).await?;
    tx.commit().await?;
    Ok(saved)
}
