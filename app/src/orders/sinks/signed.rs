//! What a sink configuration's approval signs: its build and every choice
//! (`torvan::signature::Content::sink_configuration`), read from the stored
//! row, never from the page. Its row version moves with its status (into
//! production, say) and is recorded, not hashed, so starting production
//! leaves the signature matching. Whoever validated the configuration
//! approves it only under the small-shop setting.

use sqlx::PgConnection;
use torvan::signature::{
    Content, ContentHash, Duties, Meaning, RecordKind, SignedRecord, separation,
};
use uuid::Uuid;

use super::columns::to_choices;
use super::queries::{ConfigRow, Target};
use crate::error::AppError;
use crate::signatures::{ShownSignature, store};

fn hash(target: &Target, row: &ConfigRow) -> ContentHash {
    let choices = to_choices(row.family.clone(), &row.columns);
    Content::sink_configuration(target.build_number.as_str(), &choices).hash()
}

/// How `signer` stands with separation of duties on approving `row`;
/// refused at `status` when they validated it and the setting is off.
pub async fn duties(
    conn: &mut PgConnection,
    row: &ConfigRow,
    signer: Uuid,
) -> Result<Duties, AppError> {
    let allowed = store::author_may_approve(conn).await?;
    separation(
        RecordKind::SinkConfiguration,
        row.validated_by,
        signer,
        allowed,
    )
    .map_err(|refused| AppError::invalid("status", refused.to_string()))
}

/// Why `viewer` may not approve `row`, if they validated it.
pub async fn refusal(
    conn: &mut PgConnection,
    row: &ConfigRow,
    viewer: Uuid,
) -> Result<Option<String>, AppError> {
    let allowed = store::author_may_approve(conn).await?;
    Ok(separation(
        RecordKind::SinkConfiguration,
        row.validated_by,
        viewer,
        allowed,
    )
    .err()
    .map(|refused| refused.to_string()))
}

/// Signs the approval of `row`, which now has `version`, as `signer`.
pub async fn sign_approval(
    conn: &mut PgConnection,
    signer: Uuid,
    (target, row, version): (&Target, &ConfigRow, i32),
    duties: Duties,
) -> Result<(), AppError> {
    let record = SignedRecord {
        kind: RecordKind::SinkConfiguration,
        id: row.id,
        version,
    };
    store::record(
        conn,
        signer,
        Meaning::Approved,
        record,
        &hash(target, row),
        duties,
    )
    .await?;
    Ok(())
}

/// The configuration's signatures against what it says now.
pub async fn shown(
    conn: &mut PgConnection,
    target: &Target,
    row: &ConfigRow,
) -> Result<Vec<ShownSignature>, AppError> {
    store::shown(
        conn,
        RecordKind::SinkConfiguration,
        row.id,
        &hash(target, row),
    )
    .await
}
