use sqlx::PgExecutor;
use torvan::{CustomCategory, DbEnum};

/// The next number of a 700-series category, e.g. `710-0003`. The counter row
/// is updated and read in one statement, so concurrent requests queue on its
/// lock: numbers are unique and, once committed, without gaps.
pub async fn next_custom(
    conn: impl PgExecutor<'_>,
    category: CustomCategory,
) -> Result<String, sqlx::Error> {
    sqlx::query_scalar("SELECT inventory.generate_part_number($1)")
        .bind(category.as_db_str())
        .fetch_one(conn)
        .await
}
