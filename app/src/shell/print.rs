//! The button that prints a page meant for paper (a BOM sheet, a
//! production record): the browser's print dialog, with the page's print
//! stylesheet. Not printed itself.

use leptos::prelude::*;

#[component]
pub fn PrintButton() -> impl IntoView {
    view! {
        <p class="no-print"><button type="button" class="button" on:click=|_| print()>"Print"</button></p>
    }
}

fn print() {
    if let Err(error) = window().print() {
        leptos::logging::warn!("printing failed: {error:?}");
    }
}
