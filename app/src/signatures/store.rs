//! `audit.signatures`: writing a signature in the caller's transaction,
//! reading a record's signatures to show them against what the record now
//! says, and the small-shop setting. The signer's printed name and role are
//! read from their account as the row is written, and the session from the
//! transaction's settings (`db::begin_as`), never taken from the client.

use sqlx::PgConnection;
use torvan::signature::{
    ContentHash, Duties, Meaning, RecordKind, Signature, SignedRecord, Standing,
};
use torvan::{DbEnum, Role};
use uuid::Uuid;

use super::model::ShownSignature;
use crate::error::AppError;

/// Records `signer`'s signature with `meaning` on `record`, whose content
/// hashes to `hash`, now; the signature's id.
pub async fn record(
    conn: &mut PgConnection,
    signer: Uuid,
    meaning: Meaning,
    record: SignedRecord,
    hash: &ContentHash,
    duties: Duties,
) -> Result<Uuid, AppError> {
    let id = sqlx::query_scalar!(
        "INSERT INTO audit.signatures
             (signer_id, printed_name, signer_role, meaning, signed_at, record_kind, record_id,
              record_version, content_hash, duties_waived, session_id)
         SELECT u.id, u.first_name || ' ' || u.last_name, u.role, $2, now(), $3, $4, $5, $6, $7,
                NULLIF(current_setting('app.current_session_id', true), '')::uuid
         FROM auth.users u WHERE u.id = $1
         RETURNING id",
        signer,
        meaning.as_db_str(),
        record.kind.as_db_str(),
        record.id,
        record.version,
        &hash.as_bytes()[..],
        duties == Duties::Waived,
    )
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// Every signature on the record `kind`/`id`, oldest first.
pub async fn of_record(
    conn: &mut PgConnection,
    kind: RecordKind,
    id: Uuid,
) -> Result<Vec<Signature>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT signer_id, printed_name, signer_role::text AS "role!", meaning, signed_at,
                  record_version, content_hash, duties_waived
           FROM audit.signatures
           WHERE record_kind = $1 AND record_id = $2
           ORDER BY signed_at, id"#,
        kind.as_db_str(),
        id,
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(Signature {
                signer: row.signer_id,
                printed_name: row.printed_name,
                role: Role::parse(&row.role)?,
                meaning: Meaning::parse(&row.meaning)?,
                signed_at: row.signed_at,
                record: SignedRecord {
                    kind,
                    id,
                    version: row.record_version,
                },
                content_hash: ContentHash::from_slice(&row.content_hash).ok_or_else(|| {
                    tracing::error!(%id, "a stored signature hash is not 32 bytes");
                    AppError::Internal
                })?,
                duties_waived: row.duties_waived,
            })
        })
        .collect()
}

/// The record's signatures as it shows them, each against `current`, the
/// hash of what the record says now.
pub async fn shown(
    conn: &mut PgConnection,
    kind: RecordKind,
    id: Uuid,
    current: &ContentHash,
) -> Result<Vec<ShownSignature>, AppError> {
    Ok(of_record(conn, kind, id)
        .await?
        .into_iter()
        .map(|signature| ShownSignature {
            text: signature.display(),
            no_longer_matches: (signature.standing(current) == Standing::NoLongerMatches)
                .then(|| signature.mismatch_note()),
        })
        .collect())
}

/// Whether the author of a record may approve it (the small-shop setting).
pub async fn author_may_approve(conn: &mut PgConnection) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        "SELECT coalesce((SELECT author_may_approve FROM system.signature_policy), FALSE) AS \"allowed!\""
    )
    .fetch_one(conn)
    .await?)
}

/// Turns the small-shop setting on or off, as `user_id`.
pub async fn set_author_may_approve(
    conn: &mut PgConnection,
    user_id: Uuid,
    allowed: bool,
) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE system.signature_policy SET author_may_approve = $1, updated_by = $2",
        allowed,
        user_id,
    )
    .execute(conn)
    .await?;
    Ok(())
}
