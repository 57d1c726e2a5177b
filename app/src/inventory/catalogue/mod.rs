//! The catalogue as a tree: category → assembly → sub-assembly → part,
//! browsed lazily, with a page and a form for every group above parts.

mod api;
mod crumbs;
mod group_page;
mod model;
#[cfg(feature = "ssr")]
mod queries;
#[cfg(feature = "ssr")]
mod save;
mod tree_page;

pub use api::*;
pub use crumbs::{Breadcrumbs, Crumb};
pub use group_page::GroupPage;
pub use model::{CatalogueNode, GroupDetail, GroupEntry};
pub use torvan::CatalogueLevel;
pub use tree_page::CataloguePage;
