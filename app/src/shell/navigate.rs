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
