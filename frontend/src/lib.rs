//! Browser entry point: hydrates the page the server rendered.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // `hydrate_lazy`: the pages in `torvan_app::shell::lazy` load with their route.
    leptos::mount::hydrate_lazy(torvan_app::App);
}
