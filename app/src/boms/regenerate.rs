//! A new BOM version on request, for an approved configuration: after a
//! template was corrected, say. It runs in the caller's transaction and
//! locks the order's row first, so versions are numbered one at a time.

use sqlx::PgConnection;
use torvan::bom::ChangeReason;
use torvan::sink::ConfigurationStatus;
use torvan::{BuildNumber, OrderNumber};
use uuid::Uuid;

use super::generate::for_configuration;
use crate::error::AppError;
use crate::orders::build_state::refuse_if_shipped;
use crate::orders::sinks::queries::{Target, config};

/// Generates the build's next version; returns its number.
pub async fn regenerate(
    conn: &mut PgConnection,
    user_id: Uuid,
    order_number: &OrderNumber,
    build_number: &BuildNumber,
    reason: &ChangeReason,
) -> Result<i32, AppError> {
    let target = Target {
        order_number: order_number.clone(),
        build_number: build_number.clone(),
    };
    let row = config(conn, &target, true).await?;
    refuse_if_shipped(conn, row.id).await?;
    let status = row.status;
    if !matches!(
        status,
        ConfigurationStatus::Approved | ConfigurationStatus::InProduction
    ) {
        return Err(AppError::invalid(
            "reason",
            "A BOM is generated from an approved configuration: approve the configuration first.",
        ));
    }
    for_configuration(conn, user_id, &row, reason.as_str()).await
}
