//! What changed between two versions of a configuration's BOM: lines added,
//! removed, and lines whose quantity or unit cost moved.

use sqlx::PgConnection;
use torvan::bom::{BomLine, Change, diff};
use uuid::Uuid;

use super::model::{ChangeKind, ChangeRow, VersionChanges};
use super::queries::lines_of;
use crate::error::AppError;

/// A version to compare: its id and number.
pub(super) type Side = (Uuid, i32);

pub(super) async fn changes(
    conn: &mut PgConnection,
    from: Side,
    to: Side,
) -> Result<VersionChanges, AppError> {
    let (_, old) = lines_of(conn, from.0).await?;
    let (_, new) = lines_of(conn, to.0).await?;
    Ok(VersionChanges {
        from: from.1,
        to: to.1,
        rows: diff(&old, &new).into_iter().map(row).collect(),
    })
}

fn item(line: &BomLine) -> String {
    match &line.resolved.part_number {
        Some(part) => format!("{part} {}", line.resolved.description),
        None => line.resolved.description.clone(),
    }
}

fn row(change: Change) -> ChangeRow {
    match change {
        Change::Added(line) => ChangeRow {
            kind: ChangeKind::Added,
            item: item(&line),
            old_quantity: None,
            new_quantity: Some(line.total_quantity.normalize()),
            old_unit_cost: None,
            new_unit_cost: Some(line.unit_cost),
        },
        Change::Removed(line) => ChangeRow {
            kind: ChangeKind::Removed,
            item: item(&line),
            old_quantity: Some(line.total_quantity.normalize()),
            new_quantity: None,
            old_unit_cost: Some(line.unit_cost),
            new_unit_cost: None,
        },
        Change::Changed {
            key,
            old_quantity,
            new_quantity,
            old_unit_cost,
            new_unit_cost,
        } => ChangeRow {
            kind: ChangeKind::Changed,
            item: key.to_string(),
            old_quantity: Some(old_quantity.normalize()),
            new_quantity: Some(new_quantity.normalize()),
            old_unit_cost: Some(old_unit_cost),
            new_unit_cost: Some(new_unit_cost),
        },
    }
}
