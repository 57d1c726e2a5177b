use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use torvan::{CatalogueLevel, PartStatus, StockStatus};
use uuid::Uuid;

use super::Crumb;
use crate::error::AppError;

/// One entry of the tree: a group with its counts, or a part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueNode {
    pub level: CatalogueLevel,
    pub id: Uuid,
    /// The category code or the part number.
    pub key: String,
    pub name: String,
    pub status: PartStatus,
    /// Items one level down (none for parts).
    pub children: i64,
    /// Parts anywhere below (none for parts).
    pub parts: i64,
    /// For parts only.
    pub stock_status: Option<StockStatus>,
    pub href: String,
}

/// A category, assembly or sub-assembly with its place and its children.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupDetail {
    pub node: CatalogueNode,
    pub description: String,
    pub trail: Vec<Crumb>,
    pub children: Vec<CatalogueNode>,
    /// For sub-assemblies: where new parts under it go, as a hierarchy path.
    pub place: Option<String>,
}

/// The tree's top (categories) or the children of one group.
#[server(prefix = "/api", endpoint = "inventory/catalogue/children")]
pub async fn catalogue_children(
    level: Option<CatalogueLevel>,
    id: Option<Uuid>,
) -> Result<Vec<CatalogueNode>, AppError> {
    crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Read)?;
    let parent = level.zip(id);
    super::queries::children(&crate::state::pool()?, parent).await
}

#[server(prefix = "/api", endpoint = "inventory/catalogue/group")]
pub async fn catalogue_group(level: CatalogueLevel, id: Uuid) -> Result<GroupDetail, AppError> {
    crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Read)?;
    super::queries::group(&crate::state::pool()?, level, id).await
}

/// Creates a group under `parent` (`id` empty) or edits group `id` of
/// `level` (1 categories to 3 sub-assemblies); returns its id.
#[server(prefix = "/api", endpoint = "inventory/catalogue/save")]
pub async fn save_group(
    level: String,
    id: Option<Uuid>,
    parent: Option<Uuid>,
    key: String,
    name: String,
    description: String,
    status: String,
) -> Result<Uuid, AppError> {
    let action = if id.is_some() {
        torvan::Action::Update
    } else {
        torvan::Action::Create
    };
    let session = crate::auth::guard::require(torvan::Resource::Inventory, action)?;
    let level = level
        .trim()
        .parse::<i64>()
        .map_err(|_| AppError::invalid("level", "The level is a number from 1 to 4."))
        .and_then(|depth| {
            CatalogueLevel::from_depth(depth)
                .map_err(|error| AppError::invalid("level", error.to_string()))
        })?;
    let draft = super::save::GroupDraft::parse(level, &key, &name, &description, &status)?;
    let pool = crate::state::pool()?;
    let mut tx = crate::db::begin_as(&pool, &session).await?;
    let saved = super::save::save(&mut tx, &draft, id, parent, session.user.id).await?;
    tx.commit().await?;
    Ok(saved)
}
