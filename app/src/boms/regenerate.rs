//! A new BOM version on request, for an approved configuration: after a
//! template was corrected, say.

use sqlx::PgPool;
use torvan::sink::ConfigurationStatus;

use super::generate::for_configuration;
use crate::auth::guard::SessionUser;
use crate::error::AppError;
use crate::orders::build_state::refuse_if_shipped;
use crate::orders::sinks::queries::{Target, config};

pub async fn regenerate(
    pool: &PgPool,
    session: &SessionUser,
    order_number: &str,
    build_number: &str,
    reason: &str,
) -> Result<i32, AppError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AppError::invalid(
            "reason",
            "Say why a new version is needed, e.g. “template corrected”.",
        ));
    }
    let mut tx = crate::db::begin_as(pool, session).await?;
    let target = Target::parse(order_number, build_number)?;
    let row = config(&mut tx, &target, true).await?;
    refuse_if_shipped(&mut tx, row.id).await?;
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
    let version = for_configuration(&mut tx, session.user.id, &row, reason).await?;
    tx.commit().await?;
    Ok(version)
}
