//! Resolves the session cookie once per request and keeps signed-out people
//! to the sign-in page, and people whose password an administrator set to
//! the password page. Server functions check permissions themselves.

use axum::extract::{Request, State};
use axum::http::header::{COOKIE, LOCATION};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use torvan_app::auth::guard::SessionUser;
use torvan_app::auth::sessions::{self, token_from_cookie_header};
use torvan_app::error::AppError;
use torvan_app::routes;

use super::AppState;

pub async fn resolve(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    if is_asset(&path) {
        return next.run(request).await;
    }
    let token = request
        .headers()
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(token_from_cookie_header)
        .map(str::to_owned);
    let session = match token {
        Some(token) => match session_of(&state, &token).await {
            Ok(session) => session,
            Err(error) => {
                tracing::error!(?error, "cannot resolve a session");
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            }
        },
        None => None,
    };

    let page_request = matches!(*request.method(), Method::GET | Method::HEAD) && !is_open(&path);
    match (&session, page_request, path.as_str()) {
        (None, true, _) => return see_other("/login"),
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

/// The session of a cookie token, on a connection held only while it is
/// looked up (and ended or touched), not for the rest of the request.
async fn session_of(state: &AppState, token: &str) -> Result<Option<SessionUser>, AppError> {
    let mut conn = state.pool.acquire().await?;
    let now = chrono::Utc::now();
    sessions::resolve(&mut conn, token, &state.auth.sessions, now).await
}

/// Files and probes that need no session (and no database round trip).
/// CSV downloads are data, not files: they need the session.
fn is_asset(path: &str) -> bool {
    let is_download = path.ends_with(".csv");
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
        for path in ["/", "/orders", "/admin/users", "/api/auth/me"] {
            assert!(!is_asset(path), "{path}");
        }
    }
}
