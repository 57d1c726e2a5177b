//! The documents' reads: which record a number names, a record's documents
//! with their versions and access log, one version for a download, and the
//! access log's rows as downloads write them.

use sqlx::PgConnection;
use torvan::document::{Attachment, DocumentKind, may_open};
use torvan::text::minute_utc;
use torvan::{BuildNumber, DbEnum, OrderNumber, PartNumber, Role};
use uuid::Uuid;

use super::model::{AccessView, DocumentView, RecordDocuments, VersionView};
use crate::error::AppError;

/// A record documents belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Owner {
    pub attached: Attachment,
    pub id: Uuid,
}

/// The record `attached` numbered `key` names.
pub async fn owner(
    conn: &mut PgConnection,
    attached: Attachment,
    key: &str,
) -> Result<Owner, AppError> {
    let id = match attached {
        Attachment::Part => {
            let number = PartNumber::parse(key).map_err(|_| AppError::NotFound)?;
            sqlx::query_scalar!(
                "SELECT id FROM inventory.parts WHERE part_number = $1",
                number.as_str()
            )
            .fetch_optional(&mut *conn)
            .await?
        }
        Attachment::Order => {
            let number = OrderNumber::parse(key).map_err(|_| AppError::NotFound)?;
            sqlx::query_scalar!(
                "SELECT id FROM orders.orders WHERE order_number = $1",
                number.as_str()
            )
            .fetch_optional(&mut *conn)
            .await?
        }
        Attachment::Build => {
            let number = BuildNumber::parse(key).map_err(|_| AppError::NotFound)?;
            Some(crate::builds::queries::head(conn, &number).await?.id)
        }
        Attachment::QcItem => {
            let item = Uuid::parse_str(key).map_err(|_| AppError::NotFound)?;
            sqlx::query_scalar!(
                "SELECT id FROM quality.qc_checklist_items WHERE id = $1",
                item
            )
            .fetch_optional(&mut *conn)
            .await?
        }
    };
    let id = id.ok_or(AppError::NotFound)?;
    Ok(Owner { attached, id })
}

/// The documents of `owner` whose latest version `role` may open.
pub async fn documents(
    conn: &mut PgConnection,
    owner: Owner,
    role: Role,
    shows_access: bool,
) -> Result<RecordDocuments, AppError> {
    let rows = sqlx::query!(
        r#"SELECT d.id, coalesce(d.parent_document_id, d.id) AS "family!", d.version,
                  d.title AS "title!", d.document_type::text AS "kind!",
                  d.original_filename, d.file_size_bytes, d.created_at AS "created_at!",
                  coalesce(d.allowed_roles::text[], '{}') AS "allowed!: Vec<String>",
                  u.first_name || ' ' || u.last_name AS "uploaded_by!"
           FROM files.document_relationships r
           JOIN files.documents d ON d.id = r.document_id
           JOIN auth.users u ON u.id = d.uploaded_by
           WHERE r.entity_type = $1 AND r.entity_id = $2
           ORDER BY lower(d.title), coalesce(d.parent_document_id, d.id), d.version DESC"#,
        owner.attached.as_db_str(),
        owner.id,
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut documents: Vec<(Uuid, DocumentView)> = Vec::new();
    for row in rows {
        let version = VersionView {
            id: row.id,
            version: row.version,
            file_name: row.original_filename,
            size_bytes: row.file_size_bytes,
            uploaded_by: row.uploaded_by,
            uploaded_at: minute_utc(row.created_at),
        };
        match documents.last_mut() {
            Some((family, document)) if *family == row.family => document.earlier.push(version),
            _ => {
                let restricted_to = row
                    .allowed
                    .iter()
                    .map(|role| Role::parse(role))
                    .collect::<Result<Vec<_>, _>>()?;
                documents.push((
                    row.family,
                    DocumentView {
                        title: row.title,
                        kind: DocumentKind::parse(&row.kind)?,
                        latest: version,
                        earlier: Vec::new(),
                        restricted_to,
                        access: Vec::new(),
                    },
                ));
            }
        }
    }
    let mut shown = Vec::with_capacity(documents.len());
    for (family, mut document) in documents {
        if !may_open(&document.restricted_to, role) {
            continue;
        }
        if shows_access {
            document.access = access(conn, family).await?;
        }
        shown.push(document);
    }
    Ok(RecordDocuments {
        documents: shown,
        shows_access,
    })
}

/// Who opened any version of the document `family`, newest first (the
/// last 50).
async fn access(conn: &mut PgConnection, family: Uuid) -> Result<Vec<AccessView>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT l.accessed_at AS "accessed_at!", l.access_type AS "access_type!", l.success,
                  l.error_message, d.version,
                  coalesce(u.first_name || ' ' || u.last_name, 'Someone signed out') AS "who!"
           FROM files.file_access_log l
           JOIN files.documents d ON d.id = l.document_id
           LEFT JOIN auth.users u ON u.id = l.accessed_by
           WHERE coalesce(d.parent_document_id, d.id) = $1
           ORDER BY l.accessed_at DESC, l.id
           LIMIT 50"#,
        family,
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| AccessView {
            at: minute_utc(row.accessed_at),
            who: row.who,
            version: row.version,
            access: match row.access_type.as_str() {
                "VIEW" => "View",
                "PREVIEW" => "Preview",
                _ => "Download",
            }
            .to_owned(),
            refused: (row.success == Some(false))
                .then(|| row.error_message.unwrap_or_else(|| "Refused".into())),
        })
        .collect())
}

/// One version as a download reads it.
pub struct StoredDocument {
    pub object_key: String,
    pub file_name: String,
    pub mime_type: String,
    pub checksum_sha256: String,
    pub restricted_to: Vec<Role>,
}

/// The version `id` of a filed document (a QC photo is not one: the QC
/// routes serve those).
pub async fn stored(conn: &mut PgConnection, id: Uuid) -> Result<StoredDocument, AppError> {
    let row = sqlx::query!(
        r#"SELECT d.object_key, d.original_filename, d.mime_type, d.checksum_sha256,
                  coalesce(d.allowed_roles::text[], '{}') AS "allowed!: Vec<String>"
           FROM files.documents d
           WHERE d.id = $1
             AND EXISTS (SELECT 1 FROM files.document_relationships r WHERE r.document_id = d.id)"#,
        id,
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(StoredDocument {
        object_key: row.object_key,
        file_name: row.original_filename,
        mime_type: row
            .mime_type
            .unwrap_or_else(|| "application/octet-stream".into()),
        checksum_sha256: row.checksum_sha256.unwrap_or_default(),
        restricted_to: row
            .allowed
            .iter()
            .map(|role| Role::parse(role))
            .collect::<Result<_, _>>()?,
    })
}

/// An access to a version, as it went.
pub struct Access<'a> {
    pub document: Uuid,
    pub user: Uuid,
    pub client: crate::auth::sessions::Client<'a>,
    pub refused: Option<&'a str>,
    pub bytes: Option<i64>,
}

/// Writes the access log's row for a download.
pub async fn log_download(conn: &mut PgConnection, access: Access<'_>) -> Result<(), AppError> {
    sqlx::query!(
        "INSERT INTO files.file_access_log
             (document_id, accessed_by, access_type, ip_address, user_agent, success,
              error_message, bytes_served)
         VALUES ($1, $2, 'DOWNLOAD', NULLIF($3, '')::inet, NULLIF($4, ''), $5, $6, $7)",
        access.document,
        access.user,
        access.client.ip.unwrap_or_default(),
        access.client.user_agent.unwrap_or_default(),
        access.refused.is_none(),
        access.refused,
        access.bytes,
    )
    .execute(conn)
    .await?;
    Ok(())
}
