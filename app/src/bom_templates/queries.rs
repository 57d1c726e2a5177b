//! Templates as the list and the editor read them.

use sqlx::{PgConnection, PgPool};
use torvan::bom::TemplateHeader;
use uuid::Uuid;

use super::api::{TemplateEditor, TemplateList, TemplateSummary};
use crate::error::AppError;

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: Uuid,
    family: String,
    template_name: String,
    version: String,
    priority: i32,
    configuration_rules: String,
    lines: i64,
    is_active: bool,
}

pub async fn list(pool: &PgPool) -> Result<TemplateList, AppError> {
    let mut conn = pool.acquire().await?;
    let families = crate::orders::sinks::queries::family_names(&mut conn).await?;
    let rows: Vec<SummaryRow> = sqlx::query_as(
        "SELECT t.id, f.name AS family, t.template_name, t.version, t.priority, t.configuration_rules,
                (SELECT count(*) FROM products.bom_template_items i WHERE i.template_id = t.id) AS lines,
                t.is_active
         FROM products.bom_templates t
         JOIN products.sink_families f ON f.id = t.sink_family_id
         ORDER BY f.name, t.priority, t.template_name",
    )
    .fetch_all(&mut *conn)
    .await?;
    let templates = rows
        .into_iter()
        .map(|row| TemplateSummary {
            id: row.id,
            family: row.family,
            name: row.template_name,
            version: row.version,
            priority: row.priority,
            rule: row.configuration_rules,
            lines: row.lines,
            active: row.is_active,
        })
        .collect();
    Ok(TemplateList {
        templates,
        families,
    })
}

#[derive(sqlx::FromRow)]
struct HeaderRow {
    family: String,
    family_code: String,
    family_id: Uuid,
    template_name: String,
    version: String,
    priority: i32,
    configuration_rules: String,
    is_active: bool,
    description: Option<String>,
}

pub async fn editor(pool: &PgPool, id: Uuid) -> Result<TemplateEditor, AppError> {
    let header: HeaderRow = sqlx::query_as(
        "SELECT f.name AS family, f.code AS family_code, f.id AS family_id, t.template_name, t.version, t.priority,
                t.configuration_rules, t.is_active, t.description
         FROM products.bom_templates t JOIN products.sink_families f ON f.id = t.sink_family_id
         WHERE t.id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let mut conn = pool.acquire().await?;
    let lines = crate::boms::templates::drafts(&mut conn, id).await?;
    let family_options =
        crate::orders::sinks::queries::family(&mut conn, &header.family_code).await?;
    let configurations: Vec<(String, String)> = sqlx::query_as(
        "SELECT o.order_number, c.build_number FROM orders.order_sink_configurations c
         JOIN orders.orders o ON o.id = c.order_id
         WHERE c.sink_family_id = $1
           AND c.configuration_status IN ('VALIDATED', 'APPROVED', 'IN_PRODUCTION')
         ORDER BY o.order_number DESC, c.build_number
         LIMIT 100",
    )
    .bind(header.family_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(TemplateEditor {
        id,
        family: header.family,
        version: header.version,
        header: TemplateHeader {
            name: header.template_name,
            rule: header.configuration_rules,
            priority: header.priority.to_string(),
            active: header.is_active,
            description: header.description.unwrap_or_default(),
        },
        lines,
        family_options,
        configurations,
    })
}

/// The code of the family a template belongs to.
pub async fn family_code(conn: &mut PgConnection, template_id: Uuid) -> Result<String, AppError> {
    sqlx::query_scalar(
        "SELECT f.code FROM products.bom_templates t
         JOIN products.sink_families f ON f.id = t.sink_family_id WHERE t.id = $1",
    )
    .bind(template_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)
}
