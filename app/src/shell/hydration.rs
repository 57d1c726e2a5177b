use leptos::prelude::*;

/// Marks `<body data-hydrated="true">` once the browser has taken over the
/// server-rendered page, so people and tests know controls are live.
/// Effects never run on the server, so the attribute cannot be rendered early.
pub fn mark_hydrated() {
    Effect::new(|| {
        #[cfg(feature = "hydrate")]
        if let Some(body) = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.body())
        {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
}
