//! The security baseline every response gets: a per-response CSP nonce,
//! no sniffing, no framing, a strict referrer policy, HSTS over TLS, and
//! `Cache-Control: no-store` on everything but static files. Requests that
//! may change something are refused when they come from another site (403)
//! or in a content type no endpoint takes (415).

use axum::extract::{Request, State};
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, HOST, ORIGIN, REFERRER_POLICY,
    STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppState;
use super::session::{is_asset, session_token};

/// The nonce of this response's inline scripts; the app's render reads it.
#[derive(Debug, Clone)]
pub struct CspNonce(pub leptos::nonce::Nonce);

pub async fn headers(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let secure = state.auth.secure_cookies;
    if changes_state(request.method()) {
        let signed_in = session_token(request.headers(), &state.auth).is_some();
        if is_cross_site_write(request.headers(), signed_in, secure) {
            tracing::warn!(path = %request.uri().path(), "refused a cross-site request");
            return (StatusCode::FORBIDDEN, "Cross-site requests are refused.").into_response();
        }
        if !is_accepted_type(request.headers()) {
            return StatusCode::UNSUPPORTED_MEDIA_TYPE.into_response();
        }
    }
    let stored = !is_asset(request.uri().path());
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
    // Pages, answers and downloads hold one user's data: no cache, shared
    // or the browser's own, keeps a copy for the next person at the desk.
    if stored && !headers.contains_key(CACHE_CONTROL) {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if secure {
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

fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// A write that does not prove it comes from the app's own pages.
///
/// A browser says where a request comes from in `Sec-Fetch-Site` and
/// `Origin`. Any site other than this origin is refused outright; an
/// `Origin` must name this origin exactly: scheme (https behind TLS), host
/// and port. A write that carries the session cookie must prove its origin
/// with one of them: a request with neither could be a browser too old to
/// send them, and the cookie would act for its user. Without the cookie a
/// request acts for nobody (signing in aside, which proves nothing).
fn is_cross_site_write(headers: &HeaderMap, signed_in: bool, secure: bool) -> bool {
    let header = |name| {
        headers
            .get(name)
            .and_then(|value: &HeaderValue| value.to_str().ok())
    };
    let site = header("sec-fetch-site");
    if site.is_some_and(|site| site != "same-origin") {
        return true;
    }
    match header(ORIGIN.as_str()) {
        Some(origin) => !is_own_origin(origin, header(HOST.as_str()), secure),
        None => signed_in && site.is_none(),
    }
}

/// Whether `origin` is this app's: the scheme it is served over, and the
/// host and port the request was sent to (a browser sends `Host` as typed).
fn is_own_origin(origin: &str, host: Option<&str>, secure: bool) -> bool {
    let scheme = if secure { "https" } else { "http" };
    let default_port = if secure { ":443" } else { ":80" };
    let Some(host) = host.map(|host| host.strip_suffix(default_port).unwrap_or(host)) else {
        return false;
    };
    let Some(authority) = origin
        .strip_prefix(scheme)
        .and_then(|rest| rest.strip_prefix("://"))
    else {
        return false;
    };
    let authority = authority.strip_suffix(default_port).unwrap_or(authority);
    authority.eq_ignore_ascii_case(host)
}

/// The content types the endpoints read: forms and JSON (server functions),
/// CSV (the parts file), and an image or bare bytes (a QC photo or a
/// document, checked by its content, whatever it is called here; none of
/// these two is a type a cross-site form can send). Anything else is not
/// parsed as one of them.
fn is_accepted_type(headers: &HeaderMap) -> bool {
    let essence = headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(|value| value.trim().to_ascii_lowercase());
    match essence.as_deref() {
        Some("application/x-www-form-urlencoded" | "application/json" | "text/csv") => true,
        Some("application/octet-stream") => true,
        Some(essence) => essence.starts_with("image/"),
        None => false,
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
    fn reads_are_never_checked() {
        assert!(!changes_state(&Method::GET));
        assert!(!changes_state(&Method::HEAD));
        assert!(changes_state(&Method::POST));
    }

    #[test]
    fn writes_from_another_site_are_refused() {
        let fetch = headers(&[("sec-fetch-site", "cross-site")]);
        assert!(is_cross_site_write(&fetch, false, false));
        let same_site = headers(&[("sec-fetch-site", "same-site")]);
        assert!(is_cross_site_write(&same_site, false, false));
        let origin = headers(&[
            ("origin", "https://evil.test"),
            ("host", "torvan.local:3000"),
        ]);
        assert!(is_cross_site_write(&origin, false, false));
        let typed = headers(&[("sec-fetch-site", "none"), ("origin", "https://evil.test")]);
        assert!(is_cross_site_write(&typed, true, false));
    }

    #[test]
    fn writes_from_the_app_itself_pass() {
        let fetch = headers(&[("sec-fetch-site", "same-origin")]);
        assert!(!is_cross_site_write(&fetch, true, false));
        let origin = headers(&[
            ("origin", "http://torvan.local:3000"),
            ("host", "torvan.local:3000"),
        ]);
        assert!(!is_cross_site_write(&origin, true, false));
        assert!(!is_cross_site_write(&HeaderMap::new(), false, false));
    }

    #[test]
    fn a_signed_in_write_without_origin_or_fetch_site_is_refused() {
        assert!(is_cross_site_write(&HeaderMap::new(), true, false));
    }

    #[test]
    fn the_origin_must_match_scheme_host_and_port() {
        let host = Some("torvan.example");
        assert!(is_own_origin("https://torvan.example", host, true));
        assert!(is_own_origin("https://torvan.example:443", host, true));
        assert!(!is_own_origin("http://torvan.example", host, true));
        assert!(!is_own_origin("https://torvan.example:8443", host, true));
        assert!(!is_own_origin(
            "https://torvan.example.evil.test",
            host,
            true
        ));
        assert!(!is_own_origin("https://torvan.example", host, false));
        assert!(is_own_origin(
            "http://127.0.0.1:3000",
            Some("127.0.0.1:3000"),
            false
        ));
        assert!(!is_own_origin("null", host, false));
        assert!(!is_own_origin("http://torvan.example", None, false));
    }

    #[test]
    fn only_the_content_types_the_endpoints_read_are_accepted() {
        for accepted in [
            "application/x-www-form-urlencoded",
            "application/json; charset=utf-8",
            "text/csv",
            "image/jpeg",
            "image/heic",
            "application/octet-stream",
        ] {
            assert!(
                is_accepted_type(&headers(&[("content-type", accepted)])),
                "{accepted}"
            );
        }
        for refused in [
            "text/plain",
            "multipart/form-data; boundary=x",
            "application/xml",
        ] {
            assert!(
                !is_accepted_type(&headers(&[("content-type", refused)])),
                "{refused}"
            );
        }
        assert!(!is_accepted_type(&HeaderMap::new()));
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
