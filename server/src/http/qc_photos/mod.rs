//! QC photos in and out of S3, as plain routes: the tablet `PUT`s the raw
//! image to the photo's own address (the id its own), and the checklist
//! shows a photo and its thumbnail through the app, never from a public
//! bucket. An upload is checked by its content (`torvan::qc_photo`, then
//! decoded here), stored as two objects (the photo under a key the server
//! makes, and its thumbnail), and only then recorded, in one transaction:
//! a row always names objects that exist. If the rows cannot be written the
//! objects are removed again, and if the store fails no row is written and
//! the inspector is told to try again. A replay of an id already stored
//! with the same bytes answers that photo and writes nothing.

mod picture;

use axum::Extension;
use axum::body::{Body, Bytes};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use torvan::qc_photo::{self, MAX_PHOTO_BYTES, PhotoFormat, PhotoRefusal};
use torvan::text::hex;
use torvan::{Action, Resource};
use torvan_app::auth::guard::SessionUser;
use torvan_app::error::AppError;
use torvan_app::quality::photos::save::{self, NewPhoto};
use torvan_app::quality::photos::{PhotoSummary, PhotoTarget, queries};
use uuid::Uuid;

use super::AppState;
use super::api_status::{refused, refused_as};
use super::body::{UploadRefusal, read_body};
use super::downloads::may_read;
use crate::storage::Storage;

/// What the inspector reads when the file store fails: nothing was kept,
/// and the same photo may be sent again.
const STORE_DOWN: &str = "The photo was not saved: the file store is unavailable. Try again.";

/// Where the upload's query says the photo belongs.
#[derive(Deserialize)]
pub struct Target {
    checklist: Uuid,
    item: Option<Uuid>,
    defect: Option<Uuid>,
}

impl From<PhotoRefusal> for UploadRefusal {
    fn from(refusal: PhotoRefusal) -> Self {
        Self::App(AppError::invalid("photo", refusal.to_string()))
    }
}

/// `PUT /files/qc-photos/{photo}?checklist=…[&item=…][&defect=…]`, the body
/// the image: 201 with the photo stored, 200 with the photo a replay
/// already stored.
pub async fn upload(
    State(state): State<AppState>,
    user: Option<Extension<SessionUser>>,
    Path(photo): Path<String>,
    target: Result<Query<Target>, QueryRejection>,
    request: Request<Body>,
) -> Response {
    let session = match user {
        None => return refused(AppError::Unauthorized),
        Some(Extension(session)) if session.user.may(Resource::Qc, Action::Create) => session,
        Some(_) => return refused(AppError::Forbidden),
    };
    let Ok(id) = Uuid::parse_str(&photo) else {
        return refused(AppError::BadRequest);
    };
    let Ok(Query(target)) = target else {
        return refused(AppError::invalid(
            "checklist",
            "The upload does not say which checklist the photo belongs to.",
        ));
    };
    let target = PhotoTarget {
        checklist: target.checklist,
        item: target.item,
        defect: target.defect,
    };
    let too_large = || AppError::invalid("photo", PhotoRefusal::TooLarge.to_string());
    let bytes = match read_body(request, MAX_PHOTO_BYTES, too_large).await {
        Ok(bytes) => bytes,
        Err(error) => return refused(error),
    };
    match store(&state, &session, id, target, bytes).await {
        Ok((status, photo)) => (status, axum::Json(photo)).into_response(),
        Err(UploadRefusal::App(error)) => refused(error),
        Err(UploadRefusal::StoreDown) => refused_as(
            StatusCode::SERVICE_UNAVAILABLE,
            AppError::invalid("photo", STORE_DOWN),
        ),
    }
}

async fn store(
    state: &AppState,
    session: &SessionUser,
    id: Uuid,
    target: PhotoTarget,
    bytes: Bytes,
) -> Result<(StatusCode, PhotoSummary), UploadRefusal> {
    let format = PhotoFormat::sniff(&bytes)?;
    let checksum_sha256 = hex(&Sha256::digest(&bytes));
    {
        let mut conn = state.pool.acquire().await?;
        if let Some(stored) = queries::stored(&mut conn, id).await? {
            // A replay: the same photo is answered as stored; other bytes
            // (or another checklist) under a stored id are refused.
            let same = stored.checksum_sha256 == checksum_sha256
                && stored.checklist_id == target.checklist;
            return if same {
                Ok((StatusCode::OK, stored.summary))
            } else {
                Err(AppError::Conflict.into())
            };
        }
        queries::check_target(&mut conn, &target).await?;
    }
    let decoding = bytes.clone();
    let picture = tokio::task::spawn_blocking(move || picture::read(&decoding, format))
        .await
        .map_err(|error| {
            tracing::error!(%error, "decoding a QC photo panicked");
            AppError::Internal
        })??;
    let photo = NewPhoto {
        id,
        target,
        content_type: format.content_type(),
        extension: format.extension(),
        bytes: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
        width: i32::try_from(picture.width).unwrap_or(i32::MAX),
        height: i32::try_from(picture.height).unwrap_or(i32::MAX),
        checksum_sha256,
        bucket: state.storage.bucket().to_owned(),
        object_key: qc_photo::object_key(target.checklist, id, format),
        thumbnail_key: qc_photo::thumbnail_key(target.checklist, id),
    };
    let keys = [photo.object_key.as_str(), photo.thumbnail_key.as_str()];
    let stored = tokio::try_join!(
        state.storage.put(keys[0], bytes, photo.content_type),
        state
            .storage
            .put(keys[1], Bytes::from(picture.thumbnail), "image/jpeg"),
    );
    if let Err(error) = stored {
        tracing::error!(%error, photo = %id, "QC photo not stored");
        remove(&state.storage, &keys).await;
        return Err(UploadRefusal::StoreDown);
    }
    match record(state, session, &photo).await {
        Ok(summary) => Ok((StatusCode::CREATED, summary)),
        // The same id recorded meanwhile by a concurrent replay, whose
        // rows name these very keys: they stay.
        Err(AppError::Conflict) => Err(AppError::Conflict.into()),
        Err(error) => {
            remove(&state.storage, &keys).await;
            Err(error.into())
        }
    }
}

async fn record(
    state: &AppState,
    session: &SessionUser,
    photo: &NewPhoto,
) -> Result<PhotoSummary, AppError> {
    let mut tx = torvan_app::db::begin_as(&state.pool, session).await?;
    let summary = save::record(&mut tx, photo, session.user.id).await?;
    tx.commit().await?;
    Ok(summary)
}

/// Best effort: objects no row names are removed; one that stays is logged.
async fn remove(storage: &Storage, keys: &[&str]) {
    for key in keys {
        if let Err(error) = storage.delete(key).await {
            tracing::warn!(%error, "an unrecorded QC photo object was left in the bucket");
        }
    }
}

/// Which of a photo's two objects a request reads.
#[derive(Clone, Copy)]
enum Object {
    Photo,
    Thumbnail,
}

/// `GET /files/qc-photos/{photo}`: the photo as it was stored.
pub async fn photo(
    State(state): State<AppState>,
    user: Option<Extension<SessionUser>>,
    Path(photo): Path<String>,
) -> Response {
    serve(&state, user, &photo, Object::Photo).await
}

/// `GET /files/qc-photos/{photo}/thumbnail`: its thumbnail, a JPEG.
pub async fn thumbnail(
    State(state): State<AppState>,
    user: Option<Extension<SessionUser>>,
    Path(photo): Path<String>,
) -> Response {
    serve(&state, user, &photo, Object::Thumbnail).await
}

/// Streams the object from the store through the app, to users who may
/// read QC records only, and marked private so no shared cache keeps it.
async fn serve(
    state: &AppState,
    user: Option<Extension<SessionUser>>,
    photo: &str,
    object: Object,
) -> Response {
    if let Err(status) = may_read(user, Resource::Qc) {
        return status.into_response();
    }
    let Ok(id) = Uuid::parse_str(photo) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let stored = async { queries::stored(&mut *state.pool.acquire().await?, id).await };
    let stored = match stored.await {
        Ok(Some(stored)) => stored,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return refused(error),
    };
    let (key, content_type) = match object {
        Object::Photo => (stored.object_key, stored.content_type),
        Object::Thumbnail => (stored.thumbnail_key, "image/jpeg".to_owned()),
    };
    let found = match state.storage.get(&key).await {
        Ok(found) => found,
        Err(error) => {
            tracing::error!(%error, photo = %id, "QC photo not readable from the store");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let chunks = futures::stream::unfold(found.body, |mut body| async move {
        body.next().await.map(|chunk| (chunk, body))
    });
    let mut response = Body::from_stream(chunks).into_response();
    let headers = response.headers_mut();
    if let Ok(value) = content_type.parse() {
        headers.insert(header::CONTENT_TYPE, value);
    }
    headers.insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("private"),
    );
    if let Some(length) = found
        .length
        .and_then(|length| length.to_string().parse().ok())
    {
        headers.insert(header::CONTENT_LENGTH, length);
    }
    response
}
