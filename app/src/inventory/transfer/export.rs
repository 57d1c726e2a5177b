//! The parts file out: every part under the import's own header.

use sqlx::PgConnection;
use torvan::csv::write_row;
use torvan::part_spec::COLUMNS;

/// Every part, one row each under the import's own header, so an exported
/// file imports unchanged.
pub async fn parts_csv(conn: &mut PgConnection) -> Result<String, sqlx::Error> {
    let drafts = crate::inventory::part::queries::drafts(conn, None).await?;
    let mut csv = write_row(&COLUMNS);
    for draft in &drafts {
        csv.push_str(&write_row(&draft.to_row()));
    }
    Ok(csv)
}
