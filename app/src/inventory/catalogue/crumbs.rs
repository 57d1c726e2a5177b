//! The catalogue's breadcrumbs and the link to a group's page.

use leptos::prelude::*;
use torvan::CatalogueLevel;
use uuid::Uuid;

pub use crate::shell::Crumb;
use crate::shell::Trail;

impl Crumb {
    pub fn item(level: CatalogueLevel, id: Uuid, name: String) -> Self {
        Self::new(name, crate::routes::catalogue_group(level, id))
    }
}

/// Inventory › Catalogue › each crumb › the page's own title.
#[component]
pub fn Breadcrumbs(trail: Vec<Crumb>, current: String) -> impl IntoView {
    let mut full = vec![
        Crumb::new("Inventory", "/inventory"),
        Crumb::new("Catalogue", "/inventory/catalogue"),
    ];
    full.extend(trail);
    view! { <Trail trail=full current/> }
}
