//! What a request carries to the app, read at the edge before anything
//! decodes it: the query string and the body (at most the route's body
//! limit) are refused when they hold a NUL character in any of the
//! encodings the endpoints accept. PostgreSQL cannot store NUL in text and no
//! field has a use for one, so refusing it here, once, keeps it from every
//! text argument of every server function, page query and upload, and the
//! caller reads a short 400 instead of a database error.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use torvan_app::error::AppError;

use super::api_status::refused;

/// How the body of a request spells its text, and so how it spells a NUL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spelling {
    /// Percent-encoded (`%00`), as forms and query strings are.
    Form,
    /// JSON strings, where a NUL is the escape `\u0000`.
    Json,
    /// Raw text such as a CSV file.
    Raw,
}

impl Spelling {
    fn of(content_type: Option<&str>) -> Self {
        let essence = content_type
            .and_then(|value| value.split(';').next())
            .map(|value| value.trim().to_ascii_lowercase());
        match essence.as_deref() {
            Some("application/x-www-form-urlencoded") => Self::Form,
            Some("application/json") => Self::Json,
            _ => Self::Raw,
        }
    }

    fn holds_nul(self, bytes: &[u8]) -> bool {
        bytes.contains(&0)
            || match self {
                Self::Form => bytes.windows(3).any(|window| window == b"%00"),
                Self::Json => holds_escaped_nul(bytes),
                Self::Raw => false,
            }
    }
}

/// Whether a JSON text holds the escape `\u0000`: a backslash that is not
/// itself escaped (an even number of backslashes before it), then `u0000`.
fn holds_escaped_nul(bytes: &[u8]) -> bool {
    let mut backslashes = 0;
    for (at, &byte) in bytes.iter().enumerate() {
        if byte == b'\\' {
            backslashes += 1;
            continue;
        }
        if backslashes % 2 == 1 && bytes[at..].starts_with(b"u0000") {
            return true;
        }
        backslashes = 0;
    }
    false
}

/// Refuses a request whose query or body holds a NUL; a body over `limit`
/// (sent without a length the body-limit layer could check first) is 413.
pub async fn screen(State(limit): State<usize>, request: Request, next: Next) -> Response {
    let query_nul = request
        .uri()
        .query()
        .is_some_and(|query| Spelling::Form.holds_nul(query.as_bytes()));
    if query_nul {
        return refused(AppError::BadRequest);
    }
    let spelling = Spelling::of(
        request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok()),
    );
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, limit).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    if spelling.holds_nul(&bytes) {
        tracing::info!(path = %parts.uri.path(), "refused an argument holding a NUL character");
        return refused(AppError::BadRequest);
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_is_found_in_each_spelling() {
        assert!(Spelling::Form.holds_nul(b"vendor=%00"));
        assert!(Spelling::Json.holds_nul(br#"{"a":"x\u0000"}"#));
        assert!(Spelling::Json.holds_nul(br#"{"a":"\\\u0000"}"#));
        assert!(Spelling::Raw.holds_nul(b"a,\0,b"));
        assert!(Spelling::Json.holds_nul(b"{\"a\":\"\0\"}"));
    }

    #[test]
    fn text_that_only_looks_like_a_nul_passes() {
        assert!(!Spelling::Form.holds_nul(b"discount=100%2500"));
        assert!(!Spelling::Json.holds_nul(br#"{"a":"C:\\u0000"}"#));
        assert!(!Spelling::Json.holds_nul(br#"{"a":"100%00"}"#));
        assert!(!Spelling::Raw.holds_nul(b"a,%00,\\u0000"));
    }

    #[test]
    fn the_spelling_follows_the_content_type() {
        assert_eq!(
            Spelling::of(Some("application/x-www-form-urlencoded")),
            Spelling::Form
        );
        assert_eq!(
            Spelling::of(Some("Application/JSON; charset=utf-8")),
            Spelling::Json
        );
        assert_eq!(Spelling::of(Some("text/csv")), Spelling::Raw);
        assert_eq!(Spelling::of(None), Spelling::Raw);
    }
}
