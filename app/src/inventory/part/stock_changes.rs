//! Changes made from the part page: stock received or counted (through the
//! stock service and its ledger) and substitutes added or removed. Each
//! opens its transaction as the acting user.

use rust_decimal::Decimal;
use sqlx::{PgConnection, PgPool};
use torvan::stock::{Movement, Quantity, REASON_LIMIT, RECEIPT_NOTE_LIMIT, parse_adjustment};
use torvan::substitute_type::NOTES_LIMIT;
use torvan::text::limited;
use torvan::{DbEnum, PartNumber, SubstituteType};
use uuid::Uuid;

use crate::auth::guard::SessionUser;
use crate::error::AppError;
use crate::inventory::stock;

async fn part_id(conn: &mut PgConnection, part_number: &str) -> Result<Uuid, AppError> {
    let number = PartNumber::parse(part_number).map_err(|_| AppError::NotFound)?;
    sqlx::query_scalar("SELECT id FROM inventory.parts WHERE part_number = $1")
        .bind(number.as_str())
        .fetch_optional(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// Trimmed text within `max` characters, or the refusal at its field.
fn text(field: &str, raw: &str, max: usize) -> Result<String, AppError> {
    limited(raw, max)
        .map(Option::unwrap_or_default)
        .map_err(|message| AppError::invalid(field, message))
}

/// Goods in: returns the new quantity on hand.
pub async fn receive(
    pool: &PgPool,
    session: &SessionUser,
    part_number: &str,
    quantity: &str,
    note: &str,
) -> Result<i32, AppError> {
    let quantity =
        Quantity::parse(quantity).map_err(|message| AppError::invalid("quantity", message))?;
    let note = text("note", note, RECEIPT_NOTE_LIMIT)?;
    let mut tx = crate::db::begin_as(pool, session).await?;
    let id = part_id(&mut tx, part_number).await?;
    let reference = (!note.is_empty()).then_some(stock::Reference {
        kind: "RECEIPT",
        id: &note,
    });
    let level = stock::apply(
        &mut tx,
        id,
        Movement::Receive(quantity),
        reference,
        None,
        Some(session.user.id),
    )
    .await?;
    tx.commit().await?;
    Ok(level.on_hand)
}

/// A stock count's correction, up or down, with its reason.
pub async fn adjust(
    pool: &PgPool,
    session: &SessionUser,
    part_number: &str,
    change: &str,
    reason: &str,
) -> Result<i32, AppError> {
    let change =
        parse_adjustment(change).map_err(|message| AppError::invalid("change", message))?;
    let reason = text("reason", reason, REASON_LIMIT)?;
    let mut tx = crate::db::begin_as(pool, session).await?;
    let id = part_id(&mut tx, part_number).await?;
    let level = stock::apply(
        &mut tx,
        id,
        Movement::Adjust(change),
        None,
        Some(&reason),
        Some(session.user.id),
    )
    .await
    .map_err(|error| error.at("change"))?;
    tx.commit().await?;
    Ok(level.on_hand)
}

pub struct SubstituteRequest<'a> {
    pub part_number: &'a str,
    pub substitute: &'a str,
    pub kind: &'a str,
    pub conversion_factor: &'a str,
    pub notes: &'a str,
}

pub async fn add_substitute(
    pool: &PgPool,
    session: &SessionUser,
    request: SubstituteRequest<'_>,
) -> Result<(), AppError> {
    let kind = SubstituteType::parse(request.kind)
        .map_err(|_| AppError::invalid("kind", "Choose preferred, acceptable or emergency."))?;
    let factor_text = request.conversion_factor.trim();
    let factor: Decimal = if factor_text.is_empty() {
        Decimal::ONE
    } else {
        factor_text.parse().map_err(|_| {
            AppError::invalid("conversion_factor", "Enter a number such as 1 or 0.5.")
        })?
    };
    if factor <= Decimal::ZERO
        || factor >= Decimal::from(1_000_000)
        || factor.normalize().scale() > 4
    {
        return Err(AppError::invalid(
            "conversion_factor",
            "The conversion factor is above 0, below 1,000,000, with at most 4 decimals.",
        ));
    }
    let substitute_number = PartNumber::parse(request.substitute)
        .map_err(|error| AppError::invalid("substitute", error.to_string()))?;
    let mut tx = crate::db::begin_as(pool, session).await?;
    let primary = part_id(&mut tx, request.part_number).await?;
    let substitute = part_id(&mut tx, substitute_number.as_str())
        .await
        .map_err(|_| {
            AppError::invalid(
                "substitute",
                format!("No part has the number {substitute_number}."),
            )
        })?;
    if primary == substitute {
        return Err(AppError::invalid(
            "substitute",
            "A part cannot substitute for itself.",
        ));
    }
    let notes = text("notes", request.notes, NOTES_LIMIT)?;
    sqlx::query(
        "INSERT INTO inventory.part_substitutes
             (primary_part_id, substitute_part_id, substitute_type, conversion_factor, notes)
         VALUES ($1, $2, $3, $4, nullif($5, ''))
         ON CONFLICT (primary_part_id, substitute_part_id) DO UPDATE
         SET substitute_type = excluded.substitute_type,
             conversion_factor = excluded.conversion_factor,
             notes = excluded.notes,
             is_active = TRUE",
    )
    .bind(primary)
    .bind(substitute)
    .bind(kind.as_db_str())
    .bind(factor)
    .bind(&notes)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn remove_substitute(
    pool: &PgPool,
    session: &SessionUser,
    part_number: &str,
    substitute: &str,
) -> Result<(), AppError> {
    let mut tx = crate::db::begin_as(pool, session).await?;
    let primary = part_id(&mut tx, part_number).await?;
    let substitute = part_id(&mut tx, substitute).await?;
    let removed = sqlx::query(
        "UPDATE inventory.part_substitutes SET is_active = FALSE
         WHERE primary_part_id = $1 AND substitute_part_id = $2 AND is_active",
    )
    .bind(primary)
    .bind(substitute)
    .execute(&mut *tx)
    .await?;
    if removed.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}
