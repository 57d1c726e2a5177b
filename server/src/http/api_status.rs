//! Server functions answer every error with 500; this gives each kind of
//! `AppError` its proper status (401, 403, 404, 422…), including arguments
//! that failed to parse before the function ran (400).

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use torvan_app::error::AppError;

/// Error bodies are small; anything larger is passed on untouched.
const MAX_ERROR_BODY: usize = 64 * 1024;

pub async fn map(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key("serverfnerror")
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = status_of(&error);
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// An error answered by the HTTP layer itself (before or instead of a
/// server function), in the shape the browser's client decodes.
pub(super) fn refused(error: AppError) -> Response {
    refused_as(status_of(&error), error)
}

/// `refused` with a status of its own: a refusal whose kind the status
/// tells apart (the file store down is 503, its message at the field).
pub(super) fn refused_as(status: StatusCode, error: AppError) -> Response {
    let body = serde_json::to_string(&error).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

pub(super) fn status_of(error: &AppError) -> StatusCode {
    match error {
        AppError::Unauthorized | AppError::SignInFailed => StatusCode::UNAUTHORIZED,
        AppError::Forbidden | AppError::MustChangePassword => StatusCode::FORBIDDEN,
        AppError::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Conflict => StatusCode::CONFLICT,
        AppError::Invalid { .. } | AppError::InvalidFields(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::Transport(_) | AppError::BadRequest => StatusCode::BAD_REQUEST,
        AppError::Unavailable | AppError::Queued => StatusCode::SERVICE_UNAVAILABLE,
        AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}
