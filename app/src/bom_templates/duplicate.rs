//! A new template, inactive until an administrator has written its lines
//! and switched it on: empty for a family, or a copy of another template.
//! Both write in the caller's transaction; a family's template names are
//! unique per version, and a clash is said at the name.

use sqlx::PgConnection;
use uuid::Uuid;

use crate::error::AppError;

/// The unique key on a family's template name and version.
const NAME_AND_VERSION_KEY: &str = "bom_templates_sink_family_id_template_name_version_key";

/// A write the family's name-and-version key refused, said at the name.
pub(super) fn name_taken(error: sqlx::Error, message: &str) -> AppError {
    AppError::from_constraint(error, |constraint| {
        (constraint == NAME_AND_VERSION_KEY).then(|| AppError::invalid("name", message))
    })
}

/// Copies the template and its lines; returns the copy's id.
pub async fn duplicate(conn: &mut PgConnection, user_id: Uuid, id: Uuid) -> Result<Uuid, AppError> {
    let copy = sqlx::query_scalar!(
        "INSERT INTO products.bom_templates (sink_family_id, template_name, description,
             configuration_rules, version, is_active, priority, created_by)
         SELECT sink_family_id, left(template_name, 240) || ' (copy)', description,
                configuration_rules, '1.0', FALSE, priority + 1, $2
         FROM products.bom_templates WHERE id = $1
         RETURNING id",
        id,
        user_id
    )
    .fetch_optional(&mut *conn)
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
    sqlx::query!(
        "INSERT INTO products.bom_template_items (id, template_id, line_number, part_id,
             part_number_pattern, quantity_formula, base_quantity, include_condition,
             parent_item_id, level, scrap_factor, is_phantom, description, route_step)
         SELECT md5($2::uuid::text || i.id::text)::uuid, $2::uuid, i.line_number, i.part_id,
                i.part_number_pattern, i.quantity_formula, i.base_quantity, i.include_condition,
                CASE WHEN i.parent_item_id IS NOT NULL
                     THEN md5($2::uuid::text || i.parent_item_id::text)::uuid END,
                i.level, i.scrap_factor, i.is_phantom, i.description, i.route_step
         FROM products.bom_template_items i WHERE i.template_id = $1
         ORDER BY i.level, i.line_number",
        id,
        copy
    )
    .execute(&mut *conn)
    .await?;
    Ok(copy)
}

/// Starts an empty template named `name` for the family whose code is
/// `family`; returns its id.
pub async fn create(
    conn: &mut PgConnection,
    user_id: Uuid,
    family: &str,
    name: &str,
) -> Result<Uuid, AppError> {
    sqlx::query_scalar!(
        "INSERT INTO products.bom_templates (sink_family_id, template_name, version, is_active,
             priority, created_by)
         SELECT id, $2, '1.0', FALSE, 100, $3 FROM products.sink_families
         WHERE code = $1 AND is_configurable
         RETURNING id",
        family,
        name,
        user_id
    )
    .fetch_optional(&mut *conn)
    .await
    .map_err(|error| name_taken(error, "This family already has a template of that name."))?
    .ok_or_else(|| AppError::invalid("family", "Choose a sink family."))
}
