//! `/orders/:number/sinks/:build`: loads one configuration into the wizard,
//! again after each validation or approval.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::api::get_sink;
use super::wizard::Wizard;
use crate::shell::Loaded;

/// `/orders/:number/sinks/:build?step=…`
#[component]
pub fn SinkPage() -> impl IntoView {
    let params = use_params_map();
    let reload = RwSignal::new(0u32);
    let wizard = Resource::new(
        move || {
            let params = params.read();
            (
                params.get("number").unwrap_or_default(),
                params.get("build").unwrap_or_default(),
                reload.get(),
            )
        },
        |(order_number, build_number, _)| get_sink(order_number, build_number),
    );
    view! {
        <Loaded resource=wizard loading="Loading the configuration…" render=move |wizard| view! { <Wizard wizard reload/> }/>
    }
}
