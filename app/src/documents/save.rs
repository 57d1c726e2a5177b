//! Recording an upload whose file is already stored: the version row, and
//! its link to the record, in the caller's transaction. The same title on
//! the same record (compared without case) is the same document: the upload
//! becomes its next version, naming the first as its parent, and the
//! unique index on (first version, version) makes the second of two
//! uploads at once a conflict, never a second "version 2".

use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::Role;
use torvan::document::{DocumentFormat, DocumentKind, extension};
use uuid::Uuid;

use super::model::Uploaded;
use super::queries::Owner;
use crate::error::AppError;

/// An upload, checked and stored under `object_key`.
pub struct NewVersion<'a> {
    pub id: Uuid,
    pub owner: Owner,
    pub kind: DocumentKind,
    pub title: &'a str,
    pub file_name: &'a str,
    pub format: DocumentFormat,
    pub size_bytes: i64,
    pub checksum_sha256: &'a str,
    pub object_key: &'a str,
    pub restricted_to: &'a [Role],
    pub uploaded_by: Uuid,
}

pub async fn record(conn: &mut PgConnection, new: NewVersion<'_>) -> Result<Uploaded, AppError> {
    let previous = sqlx::query!(
        r#"SELECT coalesce(d.parent_document_id, d.id) AS "family!", d.version
           FROM files.document_relationships r
           JOIN files.documents d ON d.id = r.document_id
           WHERE r.entity_type = $1 AND r.entity_id = $2 AND lower(d.title) = lower($3)
           ORDER BY d.version DESC
           LIMIT 1"#,
        new.owner.attached.as_db_str(),
        new.owner.id,
        new.title,
    )
    .fetch_optional(&mut *conn)
    .await?;
    let (parent, version) = match previous {
        Some(previous) => (Some(previous.family), previous.version + 1),
        None => (None, 1),
    };
    let extension = extension(new.file_name);
    let roles: Vec<String> = new
        .restricted_to
        .iter()
        .map(|role| role.as_db_str().to_owned())
        .collect();
    let inserted = sqlx::query!(
        "INSERT INTO files.documents
             (id, filename, original_filename, file_extension, mime_type, file_size_bytes,
              checksum_sha256, storage_provider, object_key, document_type, title, version,
              allowed_roles, status, uploaded_by, parent_document_id)
         VALUES ($1, $14, $2, $3, $4, $5, $6, 'S3', $7, $8::text::document_type, $9, $10,
                 NULLIF($11::text[], '{}')::user_role[], 'ACTIVE', $12, $13)",
        new.id,
        new.file_name,
        extension,
        new.format.mime_type(&extension),
        new.size_bytes,
        new.checksum_sha256,
        new.object_key,
        new.kind.as_db_str(),
        new.title,
        version,
        &roles,
        new.uploaded_by,
        parent,
        new.id.to_string(),
    )
    .execute(&mut *conn)
    .await;
    if let Err(sqlx::Error::Database(error)) = &inserted
        && error.constraint() == Some("document_version_once")
    {
        return Err(AppError::Conflict);
    }
    inserted?;
    sqlx::query!(
        "INSERT INTO files.document_relationships (document_id, entity_type, entity_id,
                                                    relationship_type)
         VALUES ($1, $2, $3, 'ATTACHMENT')",
        new.id,
        new.owner.attached.as_db_str(),
        new.owner.id,
    )
    .execute(&mut *conn)
    .await?;
    Ok(Uploaded {
        id: new.id,
        version,
    })
}
