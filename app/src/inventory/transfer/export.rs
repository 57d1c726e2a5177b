use sqlx::PgPool;
use torvan::csv::write_row;
use torvan::part_spec::COLUMNS;

/// Every part, one row each under the import's own header, so an exported
/// file imports unchanged.
pub async fn parts_csv(pool: &PgPool) -> Result<String, sqlx::Error> {
    let mut conn = pool.acquire().await?;
    let drafts = crate::inventory::part::queries::drafts(&mut conn, None).await?;
    let mut csv = write_row(&COLUMNS);
    for draft in &drafts {
        csv.push_str(&write_row(&draft.to_row()));
    }
    Ok(csv)
}
