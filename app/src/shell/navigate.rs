/// Loads `path` as a new page (not a client-side route change), so the server
/// renders it afresh, e.g. after signing in or out.
pub fn hard_navigate(path: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(path);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = path;
}

/// Loads `path` afresh once `action` succeeds: after a change that alters
/// much of the page (a task moved, a checklist signed), the server renders
/// it whole again rather than the page patching itself.
pub fn reload_on_success<I, O>(action: leptos::prelude::ServerAction<I>, path: String)
where
    I: server_fn::ServerFn<Output = O, Error = crate::error::AppError>
        + Clone
        + Send
        + Sync
        + 'static,
    O: Clone + Send + Sync + 'static,
{
    use leptos::prelude::*;
    Effect::new(move || {
        if let Some(Ok(_)) = action.value().get() {
            hard_navigate(&path);
        }
    });
}
