//! The frame every page shares: the HTML document, header and navigation,
//! the router, and the pages for unknown URLs and failures.

mod confirm;
mod document;
mod editor_messages;
mod failure;
pub mod form;
mod form_messages;
mod header;
mod hydration;
mod lazy;
mod loaded;
mod navigate;
mod not_found;
mod pager;
mod permitted;
mod permitted_page;
mod print;
mod trail;

pub use confirm::ConfirmSubmit;
pub use document::shell;
pub use editor_messages::{EditorMessages, editor_message};
pub use failure::Failure;
pub use form_messages::{FieldMessage, FormError, action_error, field_error, successes};
pub use loaded::Loaded;
pub use navigate::{hard_navigate, reload_on_success};
pub use pager::Pager;
pub use permitted::{Permitted, SignedInUser};
pub use permitted_page::PermittedPage;
pub use print::PrintButton;
pub use trail::{Crumb, Trail};

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::{
    Lazy, ParamSegment, SsrMode, StaticSegment,
    components::{Route, Router, Routes},
};

use crate::auth::{SignInPage, who_am_i};
use crate::dashboard::DashboardPage;
use crate::scan::ScanPage;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    hydration::mark_hydrated();

    // Who is signed in travels with the server-rendered page, so the header
    // hydrates with the same navigation the server drew.
    let user = Resource::new(|| (), |_| who_am_i());
    provide_context(permitted::SignedInUser(user));
    crate::offline::Outbox::provide();

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
                    <Route path=StaticSegment("customers") view={Lazy::<lazy::CustomersPage>::new()}/>
                    <Route path=(StaticSegment("customers"), StaticSegment("new")) view={Lazy::<lazy::NewCustomerPage>::new()}/>
                    <Route path=(StaticSegment("customers"), ParamSegment("number")) view={Lazy::<lazy::CustomerPage>::new()}/>
                    <Route path=StaticSegment("orders") view={Lazy::<lazy::OrdersPage>::new()}/>
                    <Route path=(StaticSegment("orders"), StaticSegment("new")) view={Lazy::<lazy::NewOrderPage>::new()}/>
                    <Route path=(StaticSegment("orders"), ParamSegment("number")) view={Lazy::<lazy::OrderPage>::new()}/>
                    <Route path=(StaticSegment("builds"), ParamSegment("build")) view={Lazy::<lazy::BuildRecordPage>::new()}/>
                    <Route path=(StaticSegment("builds"), ParamSegment("build"), StaticSegment("label")) view={Lazy::<lazy::UnitLabelPage>::new()}/>
                    <Route
                        path=(StaticSegment("orders"), ParamSegment("number"), StaticSegment("sinks"), ParamSegment("build"))
                        view={Lazy::<lazy::SinkPage>::new()}
                    />
                    <Route
                        path=(
                            StaticSegment("orders"),
                            ParamSegment("number"),
                            StaticSegment("sinks"),
                            ParamSegment("build"),
                            StaticSegment("bom"),
                        )
                        view={Lazy::<lazy::BomPage>::new()}
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
                        view={Lazy::<lazy::BomPrintPage>::new()}
                        // Rendered in full before sending, so a version
                        // that does not exist is a real 404.
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("inventory") view={Lazy::<lazy::InventoryPage>::new()}/>
                    <Route path=(StaticSegment("inventory"), StaticSegment("catalogue")) view={Lazy::<lazy::CataloguePage>::new()}/>
                    <Route path=(StaticSegment("inventory"), StaticSegment("reorder")) view={Lazy::<lazy::ReorderPage>::new()}/>
                    <Route path=(StaticSegment("inventory"), StaticSegment("transfer")) view={Lazy::<lazy::TransferPage>::new()}/>
                    <Route
                        path=(StaticSegment("inventory"), StaticSegment("catalogue"), ParamSegment("level"), ParamSegment("id"))
                        view={Lazy::<lazy::GroupPage>::new()}
                    />
                    <Route path=(StaticSegment("inventory"), StaticSegment("parts"), StaticSegment("new")) view={Lazy::<lazy::NewPartPage>::new()}/>
                    <Route
                        path=(StaticSegment("inventory"), StaticSegment("parts"), StaticSegment("new-custom"))
                        view={Lazy::<lazy::NewCustomPartPage>::new()}
                    />
                    <Route path=(StaticSegment("inventory"), StaticSegment("parts"), ParamSegment("number")) view={Lazy::<lazy::PartPage>::new()}/>
                    <Route path=(StaticSegment("inventory"), StaticSegment("lots"), ParamSegment("id")) view={Lazy::<lazy::LotPage>::new()}/>
                    <Route path=(StaticSegment("inventory"), StaticSegment("lots"), ParamSegment("id"), StaticSegment("label")) view={Lazy::<lazy::LotLabelPage>::new()}/>
                    <Route
                        path=(StaticSegment("inventory"), StaticSegment("parts"), ParamSegment("number"), StaticSegment("label"))
                        view={Lazy::<lazy::PartLabelPage>::new()}
                    />
                    <Route
                        path=(StaticSegment("inventory"), StaticSegment("parts"), ParamSegment("number"), StaticSegment("edit"))
                        view={Lazy::<lazy::EditPartPage>::new()}
                    />
                    <Route path=(StaticSegment("admin"), StaticSegment("bom-templates")) view={Lazy::<lazy::TemplatesPage>::new()}/>
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("bom-templates"), ParamSegment("id"))
                        view={Lazy::<lazy::TemplatePage>::new()}
                    />
                    <Route path=(StaticSegment("admin"), StaticSegment("routes")) view={Lazy::<lazy::RoutesPage>::new()}/>
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("routes"), ParamSegment("family"))
                        view={Lazy::<lazy::RoutePage>::new()}
                    />
                    <Route path=(StaticSegment("admin"), StaticSegment("qc-templates")) view={Lazy::<lazy::QcTemplatesPage>::new()}/>
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("qc-templates"), ParamSegment("family"), ParamSegment("phase"))
                        view={Lazy::<lazy::QcTemplatePage>::new()}
                    />
                    <Route path=StaticSegment("login") view=SignInPage/>
                    <Route path=StaticSegment("scan") view=ScanPage/>
                    <Route path=(StaticSegment("account"), StaticSegment("password")) view={Lazy::<lazy::PasswordPage>::new()}/>
                    <Route path=(StaticSegment("admin"), StaticSegment("users")) view={Lazy::<lazy::UsersPage>::new()}/>
                    <Route path=(StaticSegment("admin"), StaticSegment("audit")) view={Lazy::<lazy::AuditPage>::new()}/>
                    <Route path=(StaticSegment("tasks"), ParamSegment("number")) view={Lazy::<lazy::TaskPage>::new()}/>
                    <Route path=StaticSegment("boards") view={Lazy::<lazy::BoardsPage>::new()}/>
                    <Route path=StaticSegment("qc") view={Lazy::<lazy::ChecklistsPage>::new()}/>
                    <Route path=(StaticSegment("qc"), ParamSegment("build"), ParamSegment("phase")) view={Lazy::<lazy::ChecklistPage>::new()}/>
                    <Route path=(StaticSegment("boards"), StaticSegment("mine")) view={Lazy::<lazy::MyBoardPage>::new()}/>
                    <Route path=(StaticSegment("boards"), StaticSegment("orders"), ParamSegment("order")) view={Lazy::<lazy::OrderBoardPage>::new()}/>
                    <Route path=(StaticSegment("boards"), ParamSegment("work_center")) view={Lazy::<lazy::WorkCenterBoardPage>::new()}/>
                </Routes>
            </main>
        </Router>
    }
}
