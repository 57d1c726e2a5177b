//! The frame every page shares: the HTML document, header and navigation,
//! the router, and the pages for unknown URLs and failures.

mod confirm;
mod document;
mod failure;
pub mod form;
mod form_messages;
mod header;
mod hydration;
mod loaded;
mod navigate;
mod not_found;
mod pager;
mod permitted;
mod permitted_page;
mod trail;

pub use confirm::ConfirmSubmit;
pub use document::shell;
pub use failure::Failure;
pub use form_messages::{FieldMessage, FormError, action_error, successes};
pub use loaded::Loaded;
pub use navigate::hard_navigate;
pub use pager::Pager;
pub use permitted::Permitted;
pub use permitted_page::PermittedPage;
pub use trail::{Crumb, Trail};

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::{
    ParamSegment, SsrMode, StaticSegment,
    components::{Route, Router, Routes},
};

use crate::admin::UsersPage;
use crate::auth::{PasswordPage, SignInPage, who_am_i};
use crate::bom_templates::{TemplatePage, TemplatesPage};
use crate::boms::{BomPage, BomPrintPage};
use crate::customers::{CustomerPage, CustomersPage, NewCustomerPage};
use crate::dashboard::DashboardPage;
use crate::inventory::{
    CataloguePage, EditPartPage, GroupPage, InventoryPage, NewCustomPartPage, NewPartPage,
    PartPage, ReorderPage, TransferPage,
};
use crate::orders::{NewOrderPage, OrderPage, OrdersPage, SinkPage};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    hydration::mark_hydrated();

    // Who is signed in travels with the server-rendered page, so the header
    // hydrates with the same navigation the server drew.
    let user = Resource::new(|| (), |_| who_am_i());
    provide_context(permitted::SignedInUser(user));

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
                    <Route path=StaticSegment("customers") view=CustomersPage/>
                    <Route path=(StaticSegment("customers"), StaticSegment("new")) view=NewCustomerPage/>
                    <Route path=(StaticSegment("customers"), ParamSegment("number")) view=CustomerPage/>
                    <Route path=StaticSegment("orders") view=OrdersPage/>
                    <Route path=(StaticSegment("orders"), StaticSegment("new")) view=NewOrderPage/>
                    <Route path=(StaticSegment("orders"), ParamSegment("number")) view=OrderPage/>
                    <Route
                        path=(StaticSegment("orders"), ParamSegment("number"), StaticSegment("sinks"), ParamSegment("build"))
                        view=SinkPage
                    />
                    <Route
                        path=(
                            StaticSegment("orders"),
                            ParamSegment("number"),
                            StaticSegment("sinks"),
                            ParamSegment("build"),
                            StaticSegment("bom"),
                        )
                        view=BomPage
                    />
                    <Route
                        path=(
                            StaticSegment("orders"),
                            ParamSegment("number"),
                            StaticSegment("sinks"),
                            ParamSegment("build"),
                            StaticSegment("bom"),
                            StaticSegment("print"),
                        )
                        view=BomPrintPage
                        // Rendered in full before sending, so a version
                        // that does not exist is a real 404.
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("inventory") view=InventoryPage/>
                    <Route path=(StaticSegment("inventory"), StaticSegment("catalogue")) view=CataloguePage/>
                    <Route path=(StaticSegment("inventory"), StaticSegment("reorder")) view=ReorderPage/>
                    <Route path=(StaticSegment("inventory"), StaticSegment("transfer")) view=TransferPage/>
                    <Route
                        path=(StaticSegment("inventory"), StaticSegment("catalogue"), ParamSegment("level"), ParamSegment("id"))
                        view=GroupPage
                    />
                    <Route path=(StaticSegment("inventory"), StaticSegment("parts"), StaticSegment("new")) view=NewPartPage/>
                    <Route
                        path=(StaticSegment("inventory"), StaticSegment("parts"), StaticSegment("new-custom"))
                        view=NewCustomPartPage
                    />
                    <Route path=(StaticSegment("inventory"), StaticSegment("parts"), ParamSegment("number")) view=PartPage/>
                    <Route
                        path=(StaticSegment("inventory"), StaticSegment("parts"), ParamSegment("number"), StaticSegment("edit"))
                        view=EditPartPage
                    />
                    <Route path=(StaticSegment("admin"), StaticSegment("bom-templates")) view=TemplatesPage/>
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("bom-templates"), ParamSegment("id"))
                        view=TemplatePage
                    />
                    <Route path=StaticSegment("login") view=SignInPage/>
                    <Route path=(StaticSegment("account"), StaticSegment("password")) view=PasswordPage/>
                    <Route path=(StaticSegment("admin"), StaticSegment("users")) view=UsersPage/>
                </Routes>
            </main>
        </Router>
    }
}
