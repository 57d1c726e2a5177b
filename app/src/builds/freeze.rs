//! Frozen production records: revision 1 of a build's record when its
//! order ships, and each signed correction after that. A revision is the
//! record rendered as a PDF (`pdf::render`), stored in S3 under a key of
//! its own, and then named in `orders.build_record_revisions` with the
//! hashes of its text and file, in the caller's transaction: a row always
//! names a stored file (a transaction that fails after the store leaves an
//! unnamed object, never a row without its file), and rows are never
//! changed or removed (a trigger refuses it), so every revision once
//! frozen stays readable.
//!
//! The build's row is locked first, so two freezes or corrections of one
//! build take their turns and number their revisions one after another.

use sha2::{Digest, Sha256};
use sqlx::PgConnection;
use torvan::BuildNumber;
use torvan::record_revision::{CorrectionReason, LastRevision, next_correction};
use torvan::signature::{ContentHash, Duties, Meaning, RecordKind, SignedRecord};
use uuid::Uuid;

use super::model::{BuildRecord, RecordRevisions, RevisionView};
use super::pdf::{self, RecordPdf};
use super::record::{Reader, record};
use crate::error::AppError;
use crate::objects::{ObjectStore, STORE_DOWN};

/// A revision just stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frozen {
    pub revision: i32,
    pub content_hash: String,
}

/// A correction as its signer issues it.
pub struct Correction {
    pub reason: CorrectionReason,
    pub signer: Uuid,
}

/// The builds whose order has shipped (or been delivered) and whose record
/// has no revision yet, the first shipped first, at most `limit`.
pub async fn due(conn: &mut PgConnection, limit: i64) -> Result<Vec<BuildNumber>, AppError> {
    use torvan::DbEnum;
    let numbers = sqlx::query_scalar!(
        r#"SELECT b.build_number AS "build_number!"
           FROM orders.sink_builds b
           JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
           JOIN orders.orders o ON o.id = c.order_id
           WHERE o.status IN ($1::text::order_status, $2::text::order_status)
             AND NOT EXISTS (SELECT 1 FROM orders.build_record_revisions r
                             WHERE r.build_id = b.id)
           ORDER BY o.actual_ship_date NULLS LAST, b.build_number
           LIMIT $3"#,
        torvan::OrderStatus::Shipped.as_db_str(),
        torvan::OrderStatus::Delivered.as_db_str(),
        limit,
    )
    .fetch_all(&mut *conn)
    .await?;
    numbers
        .iter()
        .map(|number| {
            BuildNumber::parse(number).map_err(|_| {
                tracing::error!(%number, "a stored build number does not parse");
                AppError::Internal
            })
        })
        .collect()
}

/// Freezes `build`'s record as revision 1; none when it has a revision.
pub async fn freeze_shipped(
    conn: &mut PgConnection,
    objects: &dyn ObjectStore,
    build: &BuildNumber,
) -> Result<Option<Frozen>, AppError> {
    let (build_id, last) = lock(conn, build).await?;
    if last.is_some() {
        return Ok(None);
    }
    let pdf = render(conn, build, "revision 1, frozen at shipment").await?;
    let stored = Stored {
        build_id,
        revision: 1,
        id: Uuid::new_v4(),
    };
    store(conn, objects, &stored, &pdf, None).await?;
    Ok(Some(Frozen {
        revision: 1,
        content_hash: pdf.content_hash,
    }))
}

/// Issues the next revision of `build`'s frozen record, signed (meaning:
/// approved) by the correction's signer, whose password the caller
/// checked.
pub async fn correct(
    conn: &mut PgConnection,
    objects: &dyn ObjectStore,
    build: &BuildNumber,
    correction: &Correction,
) -> Result<Frozen, AppError> {
    let (build_id, last) = lock(conn, build).await?;
    // The text decides whether anything changed; the edition line is not
    // part of it.
    let probe = render(conn, build, "").await?;
    let last = last.as_ref().map(|(revision, hash)| LastRevision {
        revision: *revision,
        content_hash: hash,
    });
    let revision = next_correction(last, &probe.content_hash)
        .map_err(|refused| AppError::invalid("reason", refused.to_string()))?;
    let pdf = render(conn, build, &format!("revision {revision}, corrected")).await?;
    let stored = Stored {
        build_id,
        revision,
        id: Uuid::new_v4(),
    };
    let hash = ContentHash::from_slice(&pdf.digest).ok_or(AppError::Internal)?;
    let signature = crate::signatures::store::record(
        conn,
        correction.signer,
        Meaning::Approved,
        SignedRecord {
            kind: RecordKind::BuildRecord,
            id: stored.id,
            version: revision,
        },
        &hash,
        Duties::Separate,
    )
    .await?;
    store(
        conn,
        objects,
        &stored,
        &pdf,
        Some((correction.reason.as_str(), signature)),
    )
    .await?;
    Ok(Frozen {
        revision,
        content_hash: pdf.content_hash,
    })
}

/// Locks the build's row; its id and its last revision with the hash of
/// that revision's text.
async fn lock(
    conn: &mut PgConnection,
    build: &BuildNumber,
) -> Result<(Uuid, Option<(i32, String)>), AppError> {
    let build_id = super::queries::head(conn, build).await?.id;
    sqlx::query!(
        "SELECT id FROM orders.sink_builds WHERE id = $1 FOR UPDATE",
        build_id
    )
    .fetch_one(&mut *conn)
    .await?;
    let last = sqlx::query!(
        "SELECT revision, content_sha256 FROM orders.build_record_revisions
         WHERE build_id = $1 ORDER BY revision DESC LIMIT 1",
        build_id,
    )
    .fetch_optional(&mut *conn)
    .await?
    .map(|row| (row.revision, row.content_sha256));
    Ok((build_id, last))
}

/// The record as it reads now, as a PDF headed with `edition`. Who reads
/// it only decides links the page shows, never the text: the system reads.
async fn render(
    conn: &mut PgConnection,
    build: &BuildNumber,
    edition: &str,
) -> Result<RecordPdf, AppError> {
    let reader = Reader {
        id: Uuid::nil(),
        role: torvan::Role::Admin,
    };
    let record = record(conn, build, &reader).await?;
    Ok(pdf::render(&record, edition))
}

struct Stored {
    build_id: Uuid,
    revision: i32,
    id: Uuid,
}

/// Puts the file, then names it; a correction's reason and signature with
/// it.
async fn store(
    conn: &mut PgConnection,
    objects: &dyn ObjectStore,
    stored: &Stored,
    pdf: &RecordPdf,
    correction: Option<(&str, Uuid)>,
) -> Result<(), AppError> {
    let key = format!(
        "production-records/{}/revision-{}-{}.pdf",
        stored.build_id, stored.revision, stored.id
    );
    objects
        .put(&key, pdf.bytes.clone(), "application/pdf")
        .await
        .map_err(|failure| {
            tracing::error!(%failure, %key, "a production record could not be stored");
            AppError::invalid("reason", STORE_DOWN)
        })?;
    let size = i64::try_from(pdf.bytes.len()).map_err(|_| AppError::Internal)?;
    let (reason, signature) = correction.unzip();
    sqlx::query!(
        "INSERT INTO orders.build_record_revisions
             (id, build_id, revision, object_key, content_sha256, file_sha256, file_size_bytes,
              reason, signature_id, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,
                 NULLIF(current_setting('app.current_user_id', true), '')::uuid)",
        stored.id,
        stored.build_id,
        stored.revision,
        key,
        pdf.content_hash,
        torvan::text::hex(&Sha256::digest(&pdf.bytes)),
        size,
        reason,
        signature,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// The revisions of `build`'s record, oldest first, against the record as
/// it reads now (`now`); `may_correct` when the reader may issue a
/// correction.
pub async fn revisions(
    conn: &mut PgConnection,
    build: &BuildNumber,
    now: &BuildRecord,
    may_correct: bool,
) -> Result<RecordRevisions, AppError> {
    let build_id = super::queries::head(conn, build).await?.id;
    let digest = pdf::digest(now);
    let current = ContentHash::from_slice(&digest).ok_or(AppError::Internal)?;
    let rows = sqlx::query!(
        r#"SELECT r.id, r.revision, r.created_at, r.reason, r.content_sha256, r.file_size_bytes,
                  u.first_name || ' ' || u.last_name AS by
           FROM orders.build_record_revisions r
           LEFT JOIN auth.users u ON u.id = r.created_by
           WHERE r.build_id = $1
           ORDER BY r.revision"#,
        build_id,
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut revisions = Vec::with_capacity(rows.len());
    for row in rows {
        revisions.push(RevisionView {
            revision: row.revision,
            frozen_at: torvan::text::minute_utc(row.created_at),
            by: row.by,
            reason: row.reason,
            content_hash: row.content_sha256,
            file_size_bytes: row.file_size_bytes,
            signatures: crate::signatures::store::shown(
                conn,
                RecordKind::BuildRecord,
                row.id,
                &current,
            )
            .await?,
        });
    }
    Ok(RecordRevisions {
        may_correct: may_correct && !revisions.is_empty(),
        revisions,
        content_hash: torvan::text::hex(&digest),
    })
}

/// Where a stored revision's file is, and the hash it was stored with.
pub struct StoredFile {
    pub object_key: String,
    pub file_sha256: String,
    pub build_number: String,
}

pub async fn stored_file(
    conn: &mut PgConnection,
    build: &BuildNumber,
    revision: i32,
) -> Result<StoredFile, AppError> {
    let head = super::queries::head(conn, build).await?;
    let row = sqlx::query!(
        "SELECT object_key, file_sha256 FROM orders.build_record_revisions
         WHERE build_id = $1 AND revision = $2",
        head.id,
        revision,
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(StoredFile {
        object_key: row.object_key,
        file_sha256: row.file_sha256,
        build_number: head.build_number,
    })
}
