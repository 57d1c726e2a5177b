//! 700-series part numbers: the next number of a custom category, from the
//! database's own counter so that numbers never repeat.

use sqlx::PgConnection;
use torvan::{CustomCategory, DbEnum};

/// The next number of a 700-series category, e.g. `710-0003`. The counter row
/// is updated and read in one statement, so concurrent requests queue on its
/// lock: numbers are unique and, once committed, without gaps.
pub async fn next_custom(
    conn: &mut PgConnection,
    category: CustomCategory,
) -> Result<String, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT inventory.generate_part_number($1) AS "number!""#,
        category.as_db_str()
    )
    .fetch_one(conn)
    .await
}
