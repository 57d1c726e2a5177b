use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn AppHeader() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="app-header">
            <a class="brand" href="/" aria-label="TORVAN home">
                <img src="/icons/icon-192.png" alt="" width="32" height="32"/>
                <span>"TORVAN"</span>
            </a>
            <nav aria-label="Main navigation" class="main-nav">
                <A href="/" exact=true>"Dashboard"</A>
                <A href="/orders">"Orders"</A>
                <A href="/inventory">"Inventory"</A>
            </nav>
        </header>
    }
}
