use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use torvan::CatalogueLevel;
use uuid::Uuid;

/// One step of the way down the catalogue to the page shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Crumb {
    pub label: String,
    pub href: String,
}

impl Crumb {
    pub fn item(level: CatalogueLevel, id: Uuid, name: String) -> Self {
        Self {
            label: name,
            href: group_href(level, id),
        }
    }
}

pub fn group_href(level: CatalogueLevel, id: Uuid) -> String {
    format!("/inventory/catalogue/{}/{id}", level.slug())
}

/// Inventory › Catalogue › each crumb › the page's own title.
#[component]
pub fn Breadcrumbs(trail: Vec<Crumb>, current: String) -> impl IntoView {
    view! {
        <nav aria-label="Breadcrumb" class="breadcrumbs">
            <ol>
                <li><a href="/inventory">"Inventory"</a></li>
                <li><a href="/inventory/catalogue">"Catalogue"</a></li>
                {trail
                    .into_iter()
                    .map(|crumb| view! { <li><a href=crumb.href>{crumb.label}</a></li> })
                    .collect_view()}
                <li aria-current="page">{current}</li>
            </ol>
        </nav>
    }
}
