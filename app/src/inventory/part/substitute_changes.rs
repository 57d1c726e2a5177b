//! Substitutes added to or removed from a part from its page, in the
//! caller's transaction. A substitute is never deleted, only made inactive,
//! so the page can say what stood in for a part before.

use sqlx::PgConnection;
use torvan::substitute_type::Substitution;
use torvan::{DbEnum, PartNumber};

use super::queries::part_id;
use crate::error::AppError;

/// Adds `substitution` to the part numbered `part_number`, or updates the
/// substitute it names (made active again if it was removed).
pub async fn add(
    conn: &mut PgConnection,
    part_number: &PartNumber,
    substitution: &Substitution,
) -> Result<(), AppError> {
    let primary = part_id(conn, part_number).await?;
    let substitute =
        part_id(conn, &substitution.substitute)
            .await
            .map_err(|error| match error {
                AppError::NotFound => AppError::invalid(
                    "substitute",
                    format!("No part has the number {}.", substitution.substitute),
                ),
                other => other,
            })?;
    if primary == substitute {
        return Err(AppError::invalid(
            "substitute",
            "A part cannot substitute for itself.",
        ));
    }
    sqlx::query!(
        "INSERT INTO inventory.part_substitutes
             (primary_part_id, substitute_part_id, substitute_type, conversion_factor, notes)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (primary_part_id, substitute_part_id) DO UPDATE
         SET substitute_type = excluded.substitute_type,
             conversion_factor = excluded.conversion_factor,
             notes = excluded.notes,
             is_active = TRUE",
        primary,
        substitute,
        substitution.kind.as_db_str(),
        substitution.conversion_factor,
        substitution.notes,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Makes the substitute `substitute` of the part `part_number` inactive.
pub async fn remove(
    conn: &mut PgConnection,
    part_number: &PartNumber,
    substitute: &PartNumber,
) -> Result<(), AppError> {
    let primary = part_id(conn, part_number).await?;
    let substitute = part_id(conn, substitute).await?;
    let removed = sqlx::query!(
        "UPDATE inventory.part_substitutes SET is_active = FALSE
         WHERE primary_part_id = $1 AND substitute_part_id = $2 AND is_active",
        primary,
        substitute,
    )
    .execute(conn)
    .await?;
    if removed.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}
