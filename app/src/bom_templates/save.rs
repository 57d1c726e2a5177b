//! Saving a template: its fields and every line checked as the editor
//! checks them, fixed part numbers looked up in the catalogue, then the
//! fields and all lines rewritten under the next version number, in one
//! transaction with their audit rows.

use std::collections::HashMap;

use rust_decimal::Decimal;
use sqlx::{PgConnection, PgPool};
use torvan::FieldError;
use torvan::bom::{PartSource, Quantity, Template, TemplateLineDraft, next_version};
use uuid::Uuid;

use super::api::TemplateHeader;
use super::checks::{header_problems, line_field, priority, read_lines};
use crate::auth::guard::SessionUser;
use crate::error::AppError;

pub async fn save(
    pool: &PgPool,
    session: &SessionUser,
    id: Uuid,
    header: &TemplateHeader,
    lines: &[TemplateLineDraft],
) -> Result<String, AppError> {
    let mut errors = header_problems(header);
    let priority = priority(header).unwrap_or_default();
    let template = read_lines(lines)
        .map_err(|problems| errors.extend(problems))
        .ok();
    let mut tx = crate::db::begin_as(pool, session).await?;
    let parts = catalogue_parts(&mut tx, lines).await?;
    for line in lines {
        let number = line.part_number.trim().to_uppercase();
        if !number.is_empty() && !parts.contains_key(&number) {
            errors.push(FieldError::new(
                &line_field(line.line_number, "part_number"),
                format!("There is no part {number} in the catalogue."),
            ));
        }
    }
    let (Some(template), true) = (template, errors.is_empty()) else {
        return Err(AppError::InvalidFields(errors));
    };
    let version: String =
        sqlx::query_scalar("SELECT version FROM products.bom_templates WHERE id = $1 FOR UPDATE")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(AppError::NotFound)?;
    let version = next_version(&version);
    sqlx::query(
        "UPDATE products.bom_templates SET template_name = $2, configuration_rules = $3,
             priority = $4, is_active = $5, description = $6, version = $7
         WHERE id = $1",
    )
    .bind(id)
    .bind(header.name.trim())
    .bind(header.rule.trim())
    .bind(priority)
    .bind(header.active)
    .bind(Some(header.description.trim()).filter(|text| !text.is_empty()))
    .bind(&version)
    .execute(&mut *tx)
    .await
    .map_err(|error| match error.as_database_error() {
        Some(db) if db.is_unique_violation() => AppError::invalid(
            "name",
            "Another template of this family already has this name and version.",
        ),
        _ => error.into(),
    })?;
    sqlx::query("DELETE FROM products.bom_template_items WHERE template_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    insert_lines(&mut tx, id, &template, lines, &parts).await?;
    tx.commit().await?;
    Ok(version)
}

async fn catalogue_parts(
    conn: &mut PgConnection,
    lines: &[TemplateLineDraft],
) -> Result<HashMap<String, Uuid>, AppError> {
    let numbers: Vec<String> = lines
        .iter()
        .map(|line| line.part_number.trim().to_uppercase())
        .filter(|number| !number.is_empty())
        .collect();
    let rows: Vec<(String, Uuid)> =
        sqlx::query_as("SELECT part_number, id FROM inventory.parts WHERE part_number = ANY($1)")
            .bind(&numbers)
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().collect())
}

/// Inserts the lines parents first, so each child can name its parent.
async fn insert_lines(
    conn: &mut PgConnection,
    template_id: Uuid,
    template: &Template,
    drafts: &[TemplateLineDraft],
    parts: &HashMap<String, Uuid>,
) -> Result<(), AppError> {
    let mut ids: HashMap<i32, Uuid> = HashMap::new();
    for line in template.lines() {
        let id = Uuid::new_v4();
        ids.insert(line.line_number, id);
        let (part_id, pattern) = match &line.part {
            Some(PartSource::Fixed(number)) => (parts.get(number.as_str()).copied(), None),
            Some(PartSource::Pattern(pattern)) => (None, Some(pattern.text.clone())),
            None => (None, None),
        };
        let formula = match &line.quantity {
            Quantity::Formula(formula) => Some(formula.text.clone()),
            Quantity::Fixed(_) => None,
        };
        let base = drafts
            .iter()
            .find(|draft| draft.line_number == line.line_number)
            .and_then(|draft| draft.base_quantity.trim().parse::<Decimal>().ok())
            .unwrap_or(Decimal::ONE);
        sqlx::query(
            "INSERT INTO products.bom_template_items (id, template_id, line_number, part_id,
                 part_number_pattern, quantity_formula, base_quantity, include_condition,
                 parent_item_id, level, scrap_factor, is_phantom, description)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        )
        .bind(id)
        .bind(template_id)
        .bind(line.line_number)
        .bind(part_id)
        .bind(pattern)
        .bind(formula)
        .bind(base)
        .bind(
            line.include
                .as_ref()
                .map(|condition| condition.text.clone()),
        )
        .bind(
            line.parent_line
                .and_then(|parent| ids.get(&parent).copied()),
        )
        .bind(i32::from(line.level))
        .bind(line.scrap_factor)
        .bind(line.phantom)
        .bind(Some(line.description.trim()).filter(|text| !text.is_empty()))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
