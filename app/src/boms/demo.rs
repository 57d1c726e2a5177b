//! BOMs for the demo data: the seed's approved configurations get the
//! draft their approval would have generated.

use sqlx::PgConnection;
use uuid::Uuid;

use super::generate::for_configuration;
use crate::error::AppError;
use crate::orders::sinks::queries::{Target, config};

/// Generates a first version for every approved configuration that has
/// none; returns how many it wrote.
pub async fn generate_missing(conn: &mut PgConnection, user_id: Uuid) -> Result<usize, AppError> {
    let missing: Vec<(String, String)> = sqlx::query_as(
        "SELECT o.order_number, c.build_number FROM orders.order_sink_configurations c
         JOIN orders.orders o ON o.id = c.order_id
         WHERE c.configuration_status IN ('APPROVED', 'IN_PRODUCTION')
           AND NOT EXISTS (SELECT 1 FROM orders.boms b WHERE b.configuration_id = c.id)
         ORDER BY o.order_number, c.build_number",
    )
    .fetch_all(&mut *conn)
    .await?;
    for (order_number, build_number) in &missing {
        let target = Target {
            order_number,
            build_number,
        };
        let row = config(conn, &target, false).await?;
        for_configuration(conn, user_id, &row, "Configuration approved").await?;
    }
    Ok(missing.len())
}
