//! A new template, inactive until an administrator has written its lines
//! and switched it on: empty for a family, or a copy of another template.

use sqlx::PgPool;
use uuid::Uuid;

use crate::auth::guard::SessionUser;
use crate::error::AppError;

pub async fn duplicate(pool: &PgPool, session: &SessionUser, id: Uuid) -> Result<Uuid, AppError> {
    let mut tx = crate::db::begin_as(pool, session).await?;
    let copy: Uuid = sqlx::query_scalar(
        "INSERT INTO products.bom_templates (sink_family_id, template_name, description,
             configuration_rules, version, is_active, priority, created_by)
         SELECT sink_family_id, left(template_name, 240) || ' (copy)', description,
                configuration_rules, '1.0', FALSE, priority + 1, $2
         FROM products.bom_templates WHERE id = $1
         RETURNING id",
    )
    .bind(id)
    .bind(session.user.id)
    .fetch_optional(&mut *tx)
    .await
    .map_err(|error| {
        name_taken(
            error,
            "A copy of this template already exists: rename that copy first.",
        )
    })?
    .ok_or(AppError::NotFound)?;
    // Each copied line's id derives from the copy and the original line, so
    // parents can be named before they are written.
    sqlx::query(
        "INSERT INTO products.bom_template_items (id, template_id, line_number, part_id,
             part_number_pattern, quantity_formula, base_quantity, include_condition,
             parent_item_id, level, scrap_factor, is_phantom, description)
         SELECT md5($2::text || i.id::text)::uuid, $2, i.line_number, i.part_id,
                i.part_number_pattern, i.quantity_formula, i.base_quantity, i.include_condition,
                CASE WHEN i.parent_item_id IS NOT NULL
                     THEN md5($2::text || i.parent_item_id::text)::uuid END,
                i.level, i.scrap_factor, i.is_phantom, i.description
         FROM products.bom_template_items i WHERE i.template_id = $1
         ORDER BY i.level, i.line_number",
    )
    .bind(id)
    .bind(copy)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(copy)
}

fn name_taken(error: sqlx::Error, message: &str) -> AppError {
    match error.as_database_error() {
        Some(db) if db.is_unique_violation() => AppError::invalid("name", message),
        _ => error.into(),
    }
}

pub async fn create(
    pool: &PgPool,
    session: &SessionUser,
    family: &str,
    name: &str,
) -> Result<Uuid, AppError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 255 {
        return Err(AppError::invalid(
            "name",
            "Give the template a name of at most 255 characters.",
        ));
    }
    let mut tx = crate::db::begin_as(pool, session).await?;
    let id: Uuid = sqlx::query_scalar(
        "INSERT INTO products.bom_templates (sink_family_id, template_name, version, is_active,
             priority, created_by)
         SELECT id, $2, '1.0', FALSE, 100, $3 FROM products.sink_families
         WHERE code = $1 AND is_configurable
         RETURNING id",
    )
    .bind(family)
    .bind(name)
    .bind(session.user.id)
    .fetch_optional(&mut *tx)
    .await
    .map_err(|error| name_taken(error, "This family already has a template of that name."))?
    .ok_or_else(|| AppError::invalid("family", "Choose a sink family."))?;
    tx.commit().await?;
    Ok(id)
}
