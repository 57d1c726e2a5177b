//! The frame every page shares: the HTML document, header and navigation,
//! the router, and the pages for unknown URLs and failures.

mod document;
mod failure;
mod header;
mod hydration;
mod loaded;
mod navigate;
mod not_found;

pub use document::shell;
pub use failure::Failure;
pub use loaded::Loaded;
pub use navigate::hard_navigate;

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::{
    SsrMode, StaticSegment,
    components::{Route, Router, Routes},
};

use crate::admin::UsersPage;
use crate::auth::{PasswordPage, SignInPage, who_am_i};
use crate::{dashboard::DashboardPage, inventory::InventoryPage, orders::OrdersPage};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    hydration::mark_hydrated();

    // Who is signed in travels with the server-rendered page, so the header
    // hydrates with the same navigation the server drew.
    let user = Resource::new(|| (), |_| who_am_i());

    view! {
        <Title formatter=|page: String| format!("{page} · TORVAN")/>
        <Router>
            <Suspense fallback=|| view! { <header::AppHeader user=None/> }>
                {move || Suspend::new(async move {
                    let user = user.await.ok().flatten();
                    view! { <header::AppHeader user/> }
                })}
            </Suspense>
            <main id="main" class="page">
                <Routes fallback=not_found::NotFound>
                    <Route path=StaticSegment("") view=DashboardPage/>
                    <Route path=StaticSegment("orders") view=OrdersPage/>
                    <Route path=StaticSegment("inventory") view=InventoryPage/>
                    <Route path=StaticSegment("login") view=SignInPage/>
                    <Route path=(StaticSegment("account"), StaticSegment("password")) view=PasswordPage/>
                    // Rendered in full before sending, so a refusal is a real 403.
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("users"))
                        view=UsersPage
                        ssr=SsrMode::Async
                    />
                </Routes>
            </main>
        </Router>
    }
}
