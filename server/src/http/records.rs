//! A build's production record as a PDF file: the live record, read in one
//! snapshot and rendered on the server (`builds::pdf`), and each frozen
//! revision as it was stored in S3, checked against the hash it was stored
//! with before it is served. Plain GET routes, so a link downloads them;
//! the live record's content hash travels in the file and in a header.

use axum::Extension;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use torvan::{BuildNumber, Resource};
use torvan_app::auth::guard::SessionUser;
use torvan_app::builds::freeze;
use torvan_app::builds::pdf::render;
use torvan_app::builds::record::{Reader, record};
use torvan_app::error::AppError;
use torvan_app::objects::ObjectStore;

use super::AppState;
use super::downloads::may_read;

/// `GET /builds/{build}/record.pdf`: the record as it reads now.
pub async fn build_record_pdf(
    State(state): State<AppState>,
    user: Option<Extension<SessionUser>>,
    Path(build): Path<String>,
) -> Response {
    let reader = user.as_ref().map(|Extension(session)| Reader {
        id: session.user.id,
        role: session.user.role,
    });
    if let Err(status) = may_read(user, Resource::Documents) {
        return status.into_response();
    }
    let Some(reader) = reader else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let live = async {
        let build = BuildNumber::parse(&build).map_err(|_| AppError::NotFound)?;
        let mut tx = torvan_app::db::snapshot(&state.pool).await?;
        let record = record(&mut tx, &build, &reader).await?;
        tx.commit().await?;
        let pdf = render(&record, "live copy, not a frozen revision");
        Ok(File {
            name: format!("production-record-{}.pdf", record.build_number),
            content_hash: Some(pdf.content_hash),
            bytes: pdf.bytes,
        })
    };
    pdf_response(live.await)
}

/// `GET /builds/{build}/revisions/{revision}/record.pdf`: a frozen
/// revision, byte for byte as it was stored.
pub async fn revision_pdf(
    State(state): State<AppState>,
    user: Option<Extension<SessionUser>>,
    Path((build, revision)): Path<(String, String)>,
) -> Response {
    if let Err(status) = may_read(user, Resource::Documents) {
        return status.into_response();
    }
    let stored = async {
        let build = BuildNumber::parse(&build).map_err(|_| AppError::NotFound)?;
        let revision: i32 = revision.parse().map_err(|_| AppError::NotFound)?;
        let file = {
            let mut conn = state.pool.acquire().await?;
            freeze::stored_file(&mut conn, &build, revision).await?
        };
        let bytes = ObjectStore::get(&state.storage, &file.object_key)
            .await
            .map_err(|failure| {
                tracing::error!(%failure, "a frozen production record could not be read");
                AppError::Unavailable
            })?;
        if torvan::text::hex(&Sha256::digest(&bytes)) != file.file_sha256 {
            tracing::error!(
                key = %file.object_key,
                "a frozen production record no longer matches the hash it was stored with"
            );
            return Err(AppError::Internal);
        }
        Ok(File {
            name: format!(
                "production-record-{}-revision-{revision}.pdf",
                file.build_number
            ),
            content_hash: None,
            bytes,
        })
    };
    pdf_response(stored.await)
}

struct File {
    name: String,
    content_hash: Option<String>,
    bytes: Vec<u8>,
}

fn pdf_response(file: Result<File, AppError>) -> Response {
    match file {
        Ok(file) => {
            let disposition = format!("attachment; filename=\"{}\"", file.name);
            let mut response = (
                [
                    (header::CONTENT_TYPE, "application/pdf".to_owned()),
                    (header::CONTENT_DISPOSITION, disposition),
                ],
                file.bytes,
            )
                .into_response();
            if let Some(hash) = file.content_hash.and_then(|hash| hash.parse().ok()) {
                response
                    .headers_mut()
                    .insert(header::HeaderName::from_static("x-content-sha256"), hash);
            }
            response
        }
        Err(AppError::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(AppError::Unavailable) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
        Err(error) => {
            tracing::error!(%error, "production record PDF failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
