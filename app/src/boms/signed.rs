//! What a BOM version's approval signs: its build, version number and
//! lines (`torvan::signature::Content::bom`), read from what is stored, and
//! the approval's signature itself, written after separation of duties
//! allows it: whoever generated the version approves it only under the
//! small-shop setting.

use sqlx::PgConnection;
use torvan::signature::{
    BomLineContent, Content, ContentHash, Meaning, RecordKind, SignedRecord, separation,
};
use uuid::Uuid;

use crate::error::AppError;
use crate::signatures::store;

/// A BOM version as its signature binds it.
pub struct SignedBom {
    pub record: SignedRecord,
    pub hash: ContentHash,
    /// Who generated the version.
    pub generated_by: Uuid,
}

pub async fn read(conn: &mut PgConnection, bom_id: Uuid) -> Result<SignedBom, AppError> {
    let header = sqlx::query!(
        "SELECT b.version, b.created_by, c.build_number
         FROM orders.boms b JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
         WHERE b.id = $1",
        bom_id
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let lines = sqlx::query!(
        r#"SELECT i.line_number, i.level, p.part_number AS "part_number?",
                  coalesce(i.description, '') AS "description!", i.quantity_required,
                  i.scrap_factor
           FROM orders.bom_items i LEFT JOIN inventory.parts p ON p.id = i.part_id
           WHERE i.bom_id = $1"#,
        bom_id
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|line| BomLineContent {
        line_number: line.line_number,
        level: line.level,
        part_number: line.part_number,
        description: line.description,
        quantity_required: line.quantity_required,
        scrap_factor: line.scrap_factor,
    })
    .collect::<Vec<_>>();
    Ok(SignedBom {
        record: SignedRecord {
            kind: RecordKind::Bom,
            id: bom_id,
            version: header.version,
        },
        hash: Content::bom(&header.build_number, header.version, &lines).hash(),
        generated_by: header.created_by,
    })
}

/// Why `signer` may not approve the version, if they generated it and the
/// small-shop setting is off.
pub async fn refusal(
    conn: &mut PgConnection,
    bom: &SignedBom,
    signer: Uuid,
) -> Result<Option<String>, AppError> {
    let allowed = store::author_may_approve(conn).await?;
    Ok(
        separation(RecordKind::Bom, Some(bom.generated_by), signer, allowed)
            .err()
            .map(|refused| refused.to_string()),
    )
}

/// Signs the version's approval as `signer`, refused at `status` when
/// separation of duties forbids it.
pub async fn sign_approval(
    conn: &mut PgConnection,
    signer: Uuid,
    bom_id: Uuid,
) -> Result<(), AppError> {
    let bom = read(conn, bom_id).await?;
    let allowed = store::author_may_approve(conn).await?;
    let duties = separation(RecordKind::Bom, Some(bom.generated_by), signer, allowed)
        .map_err(|refused| AppError::invalid("status", refused.to_string()))?;
    store::record(
        conn,
        signer,
        Meaning::Approved,
        bom.record,
        &bom.hash,
        duties,
    )
    .await?;
    Ok(())
}
