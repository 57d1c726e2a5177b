//! The reads of the photo routes and of the checklist page: a checklist's
//! photos, one stored photo with its objects, and whether a photo may be
//! attached where an upload says.

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::{PhotoSummary, PhotoTarget};
use crate::error::AppError;

/// A checklist's photos, oldest first (the order they were taken in).
pub async fn photos_of_checklist(
    conn: &mut PgConnection,
    checklist_id: Uuid,
) -> Result<Vec<PhotoSummary>, AppError> {
    let photos = sqlx::query_as!(
        PhotoSummary,
        r#"SELECT p.id, p.checklist_item_id AS item_id, p.defect_id,
                  p.width_pixels AS "width!", p.height_pixels AS "height!",
                  p.file_size_bytes AS "bytes!",
                  trim(u.first_name || ' ' || u.last_name) AS "taken_by!", p.taken_at
           FROM quality.qc_photos p JOIN auth.users u ON u.id = p.taken_by
           WHERE p.checklist_id = $1
           ORDER BY p.taken_at, p.id"#,
        checklist_id
    )
    .fetch_all(conn)
    .await?;
    Ok(photos)
}

/// A stored photo as the routes need it: to answer a replay and to serve it.
pub struct StoredPhoto {
    pub summary: PhotoSummary,
    pub checklist_id: Uuid,
    pub checksum_sha256: String,
    pub object_key: String,
    pub thumbnail_key: String,
    pub content_type: String,
}

pub async fn stored(conn: &mut PgConnection, id: Uuid) -> Result<Option<StoredPhoto>, AppError> {
    let row = sqlx::query!(
        r#"SELECT p.id, p.checklist_item_id, p.defect_id, p.checklist_id,
                  p.width_pixels AS "width!", p.height_pixels AS "height!",
                  p.file_size_bytes AS "bytes!", p.mime_type AS "content_type!",
                  trim(u.first_name || ' ' || u.last_name) AS "taken_by!", p.taken_at,
                  p.checksum_sha256, p.object_key, p.thumbnail_key
           FROM quality.qc_photos p JOIN auth.users u ON u.id = p.taken_by
           WHERE p.id = $1"#,
        id
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|row| StoredPhoto {
        summary: PhotoSummary {
            id: row.id,
            item_id: row.checklist_item_id,
            defect_id: row.defect_id,
            width: row.width,
            height: row.height,
            bytes: row.bytes,
            taken_by: row.taken_by,
            taken_at: row.taken_at,
        },
        checklist_id: row.checklist_id,
        checksum_sha256: row.checksum_sha256,
        object_key: row.object_key,
        thumbnail_key: row.thumbnail_key,
        content_type: row.content_type,
    }))
}

/// Whether a photo may be attached to `target`: the checklist exists and
/// is still open (not signed off), and the item or defect named is one of
/// its own. Inside a write's transaction the checklist stays locked against
/// a sign-off until the photo's rows commit.
pub async fn check_target(conn: &mut PgConnection, target: &PhotoTarget) -> Result<(), AppError> {
    let row = sqlx::query!(
        r#"SELECT c.status IN ('PENDING', 'IN_PROGRESS') AS "open!",
                  ($2::uuid IS NULL OR EXISTS (
                      SELECT 1 FROM quality.qc_checklist_items i
                      WHERE i.id = $2 AND i.checklist_id = c.id)) AS "item_ok!",
                  ($3::uuid IS NULL OR EXISTS (
                      SELECT 1 FROM quality.qc_defects d
                      WHERE d.id = $3 AND d.checklist_id = c.id)) AS "defect_ok!"
           FROM quality.qc_checklists c
           WHERE c.id = $1
           FOR SHARE OF c"#,
        target.checklist,
        target.item,
        target.defect
    )
    .fetch_optional(conn)
    .await?
    .ok_or(AppError::NotFound)?;
    if !row.open {
        return Err(AppError::invalid(
            "checklist",
            "This checklist is signed off: no more photos can be added to it.",
        ));
    }
    if !row.item_ok {
        return Err(AppError::invalid(
            "item",
            "That item is not on this checklist.",
        ));
    }
    if !row.defect_ok {
        return Err(AppError::invalid(
            "defect",
            "That defect is not on this checklist.",
        ));
    }
    Ok(())
}
