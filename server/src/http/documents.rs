//! Documents in and out of S3, as plain routes: the browser `POST`s the
//! raw file to `/files/documents`, its query saying what it is and where it
//! belongs; a version is downloaded by its id. An upload is checked by its
//! content (`torvan::document`), stored under a key made from its id, and
//! only then recorded with its audit rows, in one transaction: a row always
//! names a stored file, and a file whose row could not be written is
//! removed again. A download is for those who read documents and whose
//! role the document allows; every one, served or refused, is written to
//! `files.file_access_log`.

use axum::Extension;
use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use torvan::document::{self, DocumentRefusal, MAX_DOCUMENT_BYTES, may_open};
use torvan::text::hex;
use torvan::{Action, DbEnum, Resource, Role};
use torvan_app::auth::guard::SessionUser;
use torvan_app::documents::queries::{self, Access};
use torvan_app::documents::save::{self, NewVersion};
use torvan_app::documents::{DocumentTarget, Uploaded};
use torvan_app::error::AppError;
use torvan_app::objects::{ObjectStore, STORE_DOWN};
use torvan_app::state::RequestInfo;
use uuid::Uuid;

use super::AppState;
use super::api_status::{refused, refused_as};
use super::body::{UploadRefusal, read_body};

/// `POST /files/documents?attached=…&to=…&kind=…&title=…&file_name=…[&restricted=…]`,
/// the body the file: 201 with the version stored.
pub async fn upload(
    State(state): State<AppState>,
    user: Option<Extension<SessionUser>>,
    target: Result<Query<DocumentTarget>, QueryRejection>,
    request: Request<Body>,
) -> Response {
    let session = match user {
        None => return refused(AppError::Unauthorized),
        Some(Extension(session)) if session.user.may(Resource::Documents, Action::Create) => {
            session
        }
        Some(_) => return refused(AppError::Forbidden),
    };
    let Ok(Query(target)) = target else {
        return refused(AppError::invalid(
            "file",
            "The upload does not say what the document is or where it belongs: choose its kind and title again.",
        ));
    };
    let too_large = || AppError::invalid("file", DocumentRefusal::TooLarge.to_string());
    let bytes = match read_body(request, MAX_DOCUMENT_BYTES, too_large).await {
        Ok(bytes) => bytes.to_vec(),
        Err(error) => return refused(error),
    };
    match store(&state, &session, &target, bytes).await {
        Ok(uploaded) => (StatusCode::CREATED, axum::Json(uploaded)).into_response(),
        Err(UploadRefusal::App(error)) => refused(error),
        Err(UploadRefusal::StoreDown) => refused_as(
            StatusCode::SERVICE_UNAVAILABLE,
            AppError::invalid("file", STORE_DOWN),
        ),
    }
}

fn at_field(error: torvan::FieldError) -> AppError {
    AppError::invalid(&error.field, error.message)
}

async fn store(
    state: &AppState,
    session: &SessionUser,
    target: &DocumentTarget,
    bytes: Vec<u8>,
) -> Result<Uploaded, UploadRefusal> {
    let title = document::parse_title(&target.title).map_err(at_field)?;
    let restricted_to = restricted(&target.restricted)?;
    let format = document::check_file(&target.file_name, &bytes)
        .map_err(|refusal| AppError::invalid("file", refusal.to_string()))?;
    let owner = {
        let mut conn = state.pool.acquire().await.map_err(AppError::from)?;
        // The record must exist before its file is stored.
        queries::owner(&mut conn, target.attached, &target.to).await?
    };
    let id = Uuid::new_v4();
    let key = document::object_key(target.attached, id);
    let checksum = hex(&Sha256::digest(&bytes));
    let size_bytes = i64::try_from(bytes.len()).map_err(|_| AppError::BadRequest)?;
    if let Err(error) = state
        .storage
        .put(&key, bytes.into(), "application/octet-stream")
        .await
    {
        tracing::error!(%error, "a document could not be stored");
        return Err(UploadRefusal::StoreDown);
    }
    let recorded = async {
        let mut tx = torvan_app::db::begin_as(&state.pool, session).await?;
        let uploaded = save::record(
            &mut tx,
            NewVersion {
                id,
                owner,
                kind: target.kind,
                title: &title,
                file_name: &target.file_name,
                format,
                size_bytes,
                checksum_sha256: &checksum,
                object_key: &key,
                restricted_to: &restricted_to,
                uploaded_by: session.user.id,
            },
        )
        .await?;
        tx.commit().await?;
        Ok::<_, AppError>(uploaded)
    };
    match recorded.await {
        Ok(uploaded) => Ok(uploaded),
        Err(error) => {
            if let Err(error) = state.storage.delete(&key).await {
                tracing::warn!(%error, "an unrecorded document was left in the bucket");
            }
            Err(UploadRefusal::App(error))
        }
    }
}

/// The roles a document is restricted to, from the form's list.
fn restricted(list: &str) -> Result<Vec<Role>, AppError> {
    list.split(',')
        .map(str::trim)
        .filter(|role| !role.is_empty())
        .map(|role| {
            Role::parse(role)
                .map_err(|_| AppError::invalid("restricted", "Choose the roles from the list."))
        })
        .collect()
}

/// `GET /files/documents/{id}`: the version, as it was uploaded.
pub async fn download(
    State(state): State<AppState>,
    user: Option<Extension<SessionUser>>,
    Path(id): Path<String>,
    request: Request<Body>,
) -> Response {
    let Some(Extension(session)) = user else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let Ok(id) = Uuid::parse_str(&id) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let client = RequestInfo::of(
        request.headers(),
        request.extensions(),
        state.auth.client_address,
    );
    match serve(&state, &session, id, &client).await {
        Ok(response) => response,
        Err(AppError::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(AppError::Forbidden) => StatusCode::FORBIDDEN.into_response(),
        Err(AppError::Unavailable) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
        Err(error) => {
            tracing::error!(%error, "a document download failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

async fn serve(
    state: &AppState,
    session: &SessionUser,
    id: Uuid,
    client: &RequestInfo,
) -> Result<Response, AppError> {
    let mut conn = state.pool.acquire().await?;
    let stored = queries::stored(&mut conn, id).await?;
    let refusal = if !session.user.may(Resource::Documents, Action::Read) {
        Some("The role may not read documents")
    } else if !may_open(&stored.restricted_to, session.user.role) {
        Some("The document is restricted to other roles")
    } else {
        None
    };
    let mut access = Access {
        document: id,
        user: session.user.id,
        client: client.client(),
        refused: refusal,
        bytes: None,
    };
    if refusal.is_some() {
        queries::log_download(&mut conn, access).await?;
        return Err(AppError::Forbidden);
    }
    let bytes = match ObjectStore::get(&state.storage, &stored.object_key).await {
        Ok(bytes) if hex(&Sha256::digest(&bytes)) == stored.checksum_sha256 => bytes,
        Ok(_) => {
            tracing::error!(document = %id, "a stored document no longer matches its checksum");
            access.refused = Some("The stored file no longer matches its checksum");
            queries::log_download(&mut conn, access).await?;
            return Err(AppError::Internal);
        }
        Err(failure) => {
            tracing::error!(%failure, document = %id, "a document is not readable from the store");
            access.refused = Some("The file store was unavailable");
            queries::log_download(&mut conn, access).await?;
            return Err(AppError::Unavailable);
        }
    };
    access.bytes = i64::try_from(bytes.len()).ok();
    queries::log_download(&mut conn, access).await?;
    let disposition = format!(
        "attachment; filename=\"{}\"",
        stored.file_name.replace(['"', '\\', '\r', '\n'], "_")
    );
    let mut response = (
        [
            (header::CONTENT_TYPE, stored.mime_type),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response();
    response.headers_mut().insert(
        header::X_CONTENT_TYPE_OPTIONS,
        header::HeaderValue::from_static("nosniff"),
    );
    Ok(response)
}
