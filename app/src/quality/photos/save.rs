//! The one write of a photo upload: its file record and its QC row, after
//! the host has stored both objects. The target is checked again here,
//! locked, so a checklist signed off while the photo travelled takes no
//! photo afterwards.

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::{PhotoSummary, PhotoTarget};
use super::queries::{check_target, stored};
use crate::error::AppError;

/// A photo whose objects are in the bucket, with what was read from them.
pub struct NewPhoto {
    pub id: Uuid,
    pub target: PhotoTarget,
    pub content_type: &'static str,
    pub extension: &'static str,
    pub bytes: i64,
    pub width: i32,
    pub height: i32,
    pub checksum_sha256: String,
    pub bucket: String,
    pub object_key: String,
    pub thumbnail_key: String,
}

/// Records the photo as taken by `taken_by`, and answers it as listed.
pub async fn record(
    conn: &mut PgConnection,
    photo: &NewPhoto,
    taken_by: Uuid,
) -> Result<PhotoSummary, AppError> {
    check_target(conn, &photo.target).await?;
    let filename = format!("{}.{}", photo.id, photo.extension);
    let document_id = sqlx::query_scalar!(
        r#"INSERT INTO files.documents
               (filename, original_filename, file_extension, mime_type, file_size_bytes,
                checksum_sha256, storage_provider, bucket_name, object_key, document_type,
                dimensions, status, uploaded_by)
           VALUES ($1, $1, $2, $3, $4, $5, 'S3', $6, $7, 'QC_PHOTO',
                   jsonb_build_object('width', $8::int, 'height', $9::int), 'ACTIVE', $10)
           RETURNING id"#,
        filename,
        photo.extension,
        photo.content_type,
        photo.bytes,
        photo.checksum_sha256,
        photo.bucket,
        photo.object_key,
        photo.width,
        photo.height,
        taken_by
    )
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query!(
        r#"INSERT INTO quality.qc_photos
               (id, checklist_id, checklist_item_id, defect_id, document_id, filename,
                original_filename, file_size_bytes, mime_type, width_pixels, height_pixels,
                object_key, thumbnail_key, checksum_sha256, taken_by)
           VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11, $12, $13, $14)"#,
        photo.id,
        photo.target.checklist,
        photo.target.item,
        photo.target.defect,
        document_id,
        filename,
        photo.bytes,
        photo.content_type,
        photo.width,
        photo.height,
        photo.object_key,
        photo.thumbnail_key,
        photo.checksum_sha256,
        taken_by
    )
    .execute(&mut *conn)
    .await
    .map_err(|error| {
        // The same id stored meanwhile by a concurrent replay: the caller
        // answers it as any other replay on its next try.
        AppError::from_constraint(error, |name| {
            (name == "qc_photos_pkey").then_some(AppError::Conflict)
        })
    })?;
    let photo = stored(conn, photo.id).await?.ok_or(AppError::Internal)?;
    Ok(photo.summary)
}
