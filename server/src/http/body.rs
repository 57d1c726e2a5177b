//! Reading an uploaded file's body whole, to a limit: no further than one
//! byte past it, so a larger file is refused by its own check, in words,
//! where a body limit layer would answer a bare 413. A declared length over
//! the limit is refused before anything is read.

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::header;
use futures::StreamExt;
use torvan_app::error::AppError;

/// How an upload ends when it does not store its file: a refusal the
/// person reads, or the file store down (answered 503, nothing kept).
pub enum UploadRefusal {
    App(AppError),
    StoreDown,
}

impl From<AppError> for UploadRefusal {
    fn from(error: AppError) -> Self {
        Self::App(error)
    }
}

impl From<sqlx::Error> for UploadRefusal {
    fn from(error: sqlx::Error) -> Self {
        Self::App(error.into())
    }
}

pub async fn read_body(
    request: Request<Body>,
    limit: usize,
    too_large: impl FnOnce() -> AppError,
) -> Result<Bytes, AppError> {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<usize>().ok());
    if declared.is_some_and(|length| length > limit) {
        return Err(too_large());
    }
    let mut body = Vec::with_capacity(declared.unwrap_or(0));
    let mut stream = request.into_body().into_data_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| AppError::BadRequest)?;
        body.extend_from_slice(&chunk);
        if body.len() > limit {
            break;
        }
    }
    Ok(Bytes::from(body))
}
