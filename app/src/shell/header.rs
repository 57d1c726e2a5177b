use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::A;
use torvan::{Action, Resource};

use super::hard_navigate;
use crate::auth::{CurrentUser, SignOut};

/// The pages in the main navigation and what one must be allowed to see them.
const NAV: &[(&str, &str, Resource)] = &[
    ("/", "Dashboard", Resource::Dashboard),
    // Every role reads the dashboard; every role scans.
    (crate::routes::SCAN, "Scan", Resource::Dashboard),
    ("/orders", "Orders", Resource::Orders),
    (crate::routes::BOARDS, "Boards", Resource::Tasks),
    (crate::routes::QC, "QC", Resource::Qc),
    ("/customers", "Customers", Resource::Customers),
    ("/inventory", "Inventory", Resource::Inventory),
    ("/admin/bom-templates", "Templates", Resource::BomTemplates),
    (crate::routes::ROUTES, "Routes", Resource::BomTemplates),
    (
        crate::routes::QC_TEMPLATES,
        "QC templates",
        Resource::BomTemplates,
    ),
    ("/admin/users", "Users", Resource::Users),
    (crate::routes::AUDIT, "Audit", Resource::Audit),
];

#[component]
pub fn AppHeader(user: Option<CurrentUser>) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="app-header">
            <a class="brand" href="/" aria-label="TORVAN home">
                <img src="/icons/icon-192.png" alt="" width="32" height="32"/>
                <span>"TORVAN"</span>
            </a>
            {user.map(|user| view! { <SignedInBar user/> })}
        </header>
    }
}

#[component]
fn SignedInBar(user: CurrentUser) -> impl IntoView {
    let links = NAV
        .iter()
        .filter(|(_, _, resource)| user.may(*resource, Action::Read))
        .map(|&(href, label, _)| view! { <A href=href exact=href == "/">{label}</A> })
        .collect_view();
    let sign_out = ServerAction::<SignOut>::new();
    Effect::new(move || {
        if let Some(Ok(())) = sign_out.value().get() {
            hard_navigate("/login");
        }
    });

    view! {
        <nav aria-label="Main navigation" class="main-nav">{links}</nav>
        <div class="user-menu">
            <a href="/account/password" class="user-name" title="Change password">
                <span>{user.name}</span>
                <small>{user.role.label()}</small>
            </a>
            <ActionForm action=sign_out>
                <button type="submit" class="button subtle">"Sign out"</button>
            </ActionForm>
        </div>
    }
}
