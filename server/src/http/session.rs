//! Resolves the session cookie once per request and keeps signed-out people
//! to the sign-in page, and people whose password an administrator set to
//! the password page. A server-function call without a valid session is
//! refused here, before its body is read: nobody unknown can make the server
//! parse arguments (sign-in and the two calls a signed-out page makes
//! aside). Server functions check permissions themselves.

use axum::extract::{Request, State};
use axum::http::header::{COOKIE, LOCATION};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::server_fn::ServerFn;
use torvan_app::auth::guard::SessionUser;
use torvan_app::auth::sessions::{self, token_from_cookie_header};
use torvan_app::auth::{SignIn, SignOut, WhoAmI};
use torvan_app::error::AppError;
use torvan_app::routes;
use torvan_app::state::RequestInfo;

use super::api_status::refused;
use super::{AppState, unavailable};

pub async fn resolve(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    if is_asset(&path) {
        return next.run(request).await;
    }
    let token = session_token(request.headers(), &state.auth).map(str::to_owned);
    let session = match token {
        Some(token) => match session_of(&state, &token, &client_of(&state, &request)).await {
            Ok(session) => session,
            Err(error) => {
                tracing::error!(?error, "cannot resolve a session");
                return unavailable::response(&path);
            }
        },
        None => None,
    };

    let page_request = matches!(*request.method(), Method::GET | Method::HEAD) && !is_open(&path);
    match (&session, page_request, path.as_str()) {
        (None, true, _) => return see_other("/login"),
        (None, false, _) if needs_session(&path) => return refused(AppError::Unauthorized),
        (Some(_), _, "/login") => return see_other("/"),
        // A password an administrator set is changed before anything else.
        (Some(session), true, path)
            if session.must_change_password && path != routes::CHANGE_PASSWORD =>
        {
            return see_other(routes::CHANGE_PASSWORD);
        }
        _ => {}
    }
    if let Some(session) = session {
        request.extensions_mut().insert::<SessionUser>(session);
    }
    next.run(request).await
}

/// The session cookie's token in a request's headers, under the name this
/// installation uses.
pub(super) fn session_token<'a>(
    headers: &'a axum::http::HeaderMap,
    settings: &sessions::AuthSettings,
) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(|header| token_from_cookie_header(header, settings))
}

/// The session of a cookie token, on a connection held only while it is
/// looked up (and ended or touched), not for the rest of the request.
/// Ending one is recorded with the request's `client`.
async fn session_of(
    state: &AppState,
    token: &str,
    client: &RequestInfo,
) -> Result<Option<SessionUser>, AppError> {
    let mut conn = state.pool.acquire().await?;
    let now = chrono::Utc::now();
    sessions::resolve(&mut conn, token, &state.auth.sessions, now, client.client()).await
}

fn client_of(state: &AppState, request: &Request) -> RequestInfo {
    RequestInfo::of(
        request.headers(),
        request.extensions(),
        state.auth.client_address,
    )
}

/// A server function only a signed-in user may call: all but signing in,
/// asking who is signed in, and signing out (which a stale page may send).
fn needs_session(path: &str) -> bool {
    path.starts_with("/api/") && ![SignIn::PATH, WhoAmI::PATH, SignOut::PATH].contains(&path)
}

/// Files and probes that need no session (and no database round trip).
/// CSV downloads are data, not files: they need the session.
pub(super) fn is_asset(path: &str) -> bool {
    // Files the app makes per user: read with the session like its pages.
    let is_download = path.ends_with(".csv") || path.ends_with(".pdf");
    path.starts_with("/pkg/")
        || path.starts_with("/icons/")
        || path == "/healthz"
        || path == "/readyz"
        || path
            .rsplit('/')
            .next()
            .is_some_and(|last| last.contains('.') && !is_download)
}

/// Pages anyone may open, signed in or not.
fn is_open(path: &str) -> bool {
    path == "/login" || path.starts_with("/api/")
}

fn see_other(location: &'static str) -> Response {
    (StatusCode::SEE_OTHER, [(LOCATION, location)]).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_files_and_probes_skip_the_session() {
        for path in [
            "/pkg/torvan.wasm",
            "/icons/icon-192.png",
            "/sw.js",
            "/manifest.webmanifest",
            "/readyz",
        ] {
            assert!(is_asset(path), "{path}");
        }
        for path in [
            "/",
            "/orders",
            "/admin/users",
            "/api/auth/me",
            "/admin/audit.csv",
            "/builds/TB-2026-0101-01-1/record.pdf",
        ] {
            assert!(!is_asset(path), "{path}");
        }
    }

    #[test]
    fn every_server_function_but_signing_in_and_out_needs_a_session() {
        for path in ["/api/auth/sign-in", "/api/auth/me", "/api/auth/sign-out"] {
            assert!(!needs_session(path), "{path}");
        }
        for path in [
            "/api/bom-templates/preview",
            "/api/auth/change-password",
            "/api/x",
        ] {
            assert!(needs_session(path), "{path}");
        }
    }
}
