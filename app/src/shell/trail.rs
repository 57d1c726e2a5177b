use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One step of the way to the page shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Crumb {
    pub label: String,
    pub href: String,
}

impl Crumb {
    pub fn new(label: impl Into<String>, href: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            href: href.into(),
        }
    }
}

/// The breadcrumb line: each crumb a link, then the page's own title.
#[component]
pub fn Trail(trail: Vec<Crumb>, #[prop(into)] current: String) -> impl IntoView {
    view! {
        <nav aria-label="Breadcrumb" class="breadcrumbs">
            <ol>
                {trail
                    .into_iter()
                    .map(|crumb| view! { <li><a href=crumb.href>{crumb.label}</a></li> })
                    .collect_view()}
                <li aria-current="page">{current}</li>
            </ol>
        </nav>
    }
}
