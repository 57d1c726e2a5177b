//! What a signed order move (into QC complete, into shipped) signs: each
//! build with the approved BOM version it was built to and a service
//! order's items (`torvan::signature::Content::order_release`), read from
//! what is stored. The order's row version moves with every status change
//! and is recorded, not hashed, so delivering the order leaves the release
//! signatures matching; a build re-approved to another BOM version does not.

use rust_decimal::Decimal;
use sqlx::PgConnection;
use torvan::OrderNumber;
use torvan::signature::{
    Content, ContentHash, Duties, Meaning, OrderReleaseContent, RecordKind, SignedRecord,
};
use uuid::Uuid;

use crate::error::AppError;
use crate::signatures::{ShownSignature, store};

/// The hash of what the order releases now.
pub async fn release_hash(
    conn: &mut PgConnection,
    order_id: Uuid,
    order_number: &OrderNumber,
) -> Result<ContentHash, AppError> {
    let builds = sqlx::query!(
        r#"SELECT c.build_number AS "build_number!", b.version
           FROM orders.order_sink_configurations c
           JOIN orders.boms b ON b.configuration_id = c.id AND b.status = 'APPROVED'
           WHERE c.order_id = $1"#,
        order_id,
    )
    .fetch_all(&mut *conn)
    .await?;
    let lines = sqlx::query!(
        r#"SELECT coalesce(part_number, description, '') AS "item!", quantity_ordered
           FROM orders.order_line_items WHERE order_id = $1"#,
        order_id,
    )
    .fetch_all(&mut *conn)
    .await?;
    let release = OrderReleaseContent {
        order_number: order_number.to_string(),
        builds: builds
            .into_iter()
            .map(|build| (build.build_number, build.version))
            .collect(),
        lines: lines
            .into_iter()
            .map(|line| (line.item, Decimal::from(line.quantity_ordered)))
            .collect(),
    };
    Ok(Content::order_release(&release).hash())
}

/// Signs the move that brought the order to `version` as `signer`, with
/// `meaning`.
pub async fn sign_move(
    conn: &mut PgConnection,
    signer: Uuid,
    (order_id, order_number, version): (Uuid, &OrderNumber, i32),
    meaning: Meaning,
) -> Result<(), AppError> {
    let hash = release_hash(conn, order_id, order_number).await?;
    let record = SignedRecord {
        kind: RecordKind::Order,
        id: order_id,
        version,
    };
    store::record(conn, signer, meaning, record, &hash, Duties::Separate).await?;
    Ok(())
}

/// The order's signatures against what it releases now.
pub async fn shown(
    conn: &mut PgConnection,
    order_id: Uuid,
    order_number: &OrderNumber,
) -> Result<Vec<ShownSignature>, AppError> {
    let hash = release_hash(conn, order_id, order_number).await?;
    store::shown(conn, RecordKind::Order, order_id, &hash).await
}
