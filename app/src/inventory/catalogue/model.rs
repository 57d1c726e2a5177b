//! The catalogue tree's and a group page's wire types.

use serde::{Deserialize, Serialize};
use torvan::{CatalogueLevel, PartStatus, StockStatus};
use uuid::Uuid;

use super::Crumb;

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

/// A group's fields as its form sends them (`group[key]`, …), parsed by
/// `torvan::catalogue_group::GroupDraft::parse` for the group's level.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupEntry {
    pub key: String,
    pub name: String,
    pub description: String,
    pub status: String,
}
