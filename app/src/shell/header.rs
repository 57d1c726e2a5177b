use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::A;
use torvan::{Action, Resource};

use super::hard_navigate;
use crate::auth::{CurrentUser, SignOut};
use crate::offline::{OfflineStatus, Outbox};

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
            {user.clone().map(|user| view! { <SignedInBar user/> })}
        </header>
        {user.map(|user| view! { <OfflineStatus user=user.id/> })}
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
    let outbox = Outbox::get();
    Effect::new(move || {
        if let Some(Ok(())) = sign_out.value().get() {
            outbox.forget();
            hard_navigate("/login");
        }
    });
    // Signing out forgets what this device still keeps to send: asked first.
    let sign_out_button = move || {
        let waiting = outbox.waiting();
        if waiting > 0 {
            view! {
                <super::ConfirmSubmit
                    label="Sign out".to_owned()
                    consequence=format!(
                        "{waiting} change(s) made without a connection are not sent yet; signing out discards them."
                    )
                    class="button subtle"
                />
            }
            .into_any()
        } else {
            view! { <button type="submit" class="button subtle">"Sign out"</button> }.into_any()
        }
    };

    view! {
        <nav aria-label="Main navigation" class="main-nav">{links}</nav>
        <div class="user-menu">
            <a href="/account/password" class="user-name" title="Change password">
                <span>{user.name}</span>
                <small>{user.role.label()}</small>
            </a>
            <ActionForm action=sign_out>
                {sign_out_button}
            </ActionForm>
        </div>
    }
}
