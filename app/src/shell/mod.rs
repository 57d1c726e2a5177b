//! The frame every page shares: the HTML document, header and navigation,
//! the router, and the pages for unknown URLs and failures.

mod document;
mod failure;
mod header;
mod hydration;
mod loaded;
mod not_found;

pub use document::shell;
pub use failure::Failure;
pub use loaded::Loaded;

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::{
    StaticSegment,
    components::{Route, Router, Routes},
};

use crate::{dashboard::DashboardPage, inventory::InventoryPage, orders::OrdersPage};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    hydration::mark_hydrated();

    view! {
        <Title formatter=|page: String| format!("{page} · TORVAN")/>
        <Router>
            <header::AppHeader/>
            <main id="main" class="page">
                <Routes fallback=not_found::NotFound>
                    <Route path=StaticSegment("") view=DashboardPage/>
                    <Route path=StaticSegment("orders") view=OrdersPage/>
                    <Route path=StaticSegment("inventory") view=InventoryPage/>
                </Routes>
            </main>
        </Router>
    }
}
