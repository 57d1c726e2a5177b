//! The security baseline every response gets: a per-response CSP nonce,
//! no sniffing, no framing, a strict referrer policy, HSTS over TLS, and
//! refusal of state-changing requests sent from another site.

use axum::extract::{Request, State};
use axum::http::header::{
    CONTENT_SECURITY_POLICY, HOST, ORIGIN, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY,
    X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppState;

/// The nonce of this response's inline scripts; the app's render reads it.
#[derive(Debug, Clone)]
pub struct CspNonce(pub leptos::nonce::Nonce);

pub async fn headers(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    if is_cross_site_write(request.method(), request.headers()) {
        tracing::warn!(path = %request.uri().path(), "refused a cross-site request");
        return (StatusCode::FORBIDDEN, "Cross-site requests are refused.").into_response();
    }
    let nonce = leptos::nonce::Nonce::new();
    request.extensions_mut().insert(CspNonce(nonce.clone()));
    let mut response = next.run(request).await;

    let headers = response.headers_mut();
    if let Ok(policy) = HeaderValue::from_str(&content_security_policy(&nonce)) {
        headers.insert(CONTENT_SECURITY_POLICY, policy);
    }
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    if state.auth.secure_cookies {
        headers.insert(
            STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}

fn content_security_policy(nonce: &str) -> String {
    // 'wasm-unsafe-eval' lets the page compile its own WASM, nothing else.
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; \
         object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    )
}

/// A request that may change something and, by its headers, comes from a
/// page of another site. Browsers send `Sec-Fetch-Site` and `Origin`; a
/// request with neither (curl, the app's own server) is not a browser attack.
fn is_cross_site_write(method: &Method, headers: &HeaderMap) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    let header = |name| {
        headers
            .get(name)
            .and_then(|value: &HeaderValue| value.to_str().ok())
    };
    if let Some(site) = header("sec-fetch-site") {
        return !matches!(site, "same-origin" | "none");
    }
    match (header(ORIGIN.as_str()), header(HOST.as_str())) {
        (Some(origin), Some(host)) => {
            origin.split_once("://").map(|(_, authority)| authority) != Some(host)
        }
        (Some(_), None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(name, value)| (name.parse().unwrap(), HeaderValue::from_static(value)))
            .collect()
    }

    #[test]
    fn reads_are_never_refused() {
        let evil = headers(&[("sec-fetch-site", "cross-site")]);
        assert!(!is_cross_site_write(&Method::GET, &evil));
    }

    #[test]
    fn writes_from_another_site_are_refused() {
        let fetch = headers(&[("sec-fetch-site", "cross-site")]);
        assert!(is_cross_site_write(&Method::POST, &fetch));
        let same_site = headers(&[("sec-fetch-site", "same-site")]);
        assert!(is_cross_site_write(&Method::POST, &same_site));
        let origin = headers(&[
            ("origin", "https://evil.test"),
            ("host", "torvan.local:3000"),
        ]);
        assert!(is_cross_site_write(&Method::POST, &origin));
    }

    #[test]
    fn writes_from_the_app_itself_pass() {
        let fetch = headers(&[("sec-fetch-site", "same-origin")]);
        assert!(!is_cross_site_write(&Method::POST, &fetch));
        let origin = headers(&[
            ("origin", "http://torvan.local:3000"),
            ("host", "torvan.local:3000"),
        ]);
        assert!(!is_cross_site_write(&Method::POST, &origin));
        assert!(!is_cross_site_write(&Method::POST, &HeaderMap::new()));
    }

    #[test]
    fn the_policy_forbids_plugins_framing_and_base_changes() {
        let policy = content_security_policy("abc");
        for directive in [
            "object-src 'none'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "'nonce-abc'",
        ] {
            assert!(policy.contains(directive), "{directive}");
        }
    }
}
