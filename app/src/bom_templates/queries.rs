//! Templates as the list and the editor read them, on the connection the
//! caller gives.

use sqlx::PgConnection;
use torvan::bom::TemplateHeader;
use torvan::{BuildNumber, OrderNumber};
use uuid::Uuid;

use super::model::{TemplateEditor, TemplateList, TemplateSummary};
use crate::error::AppError;

pub async fn list(conn: &mut PgConnection) -> Result<TemplateList, AppError> {
    let families = crate::orders::sinks::queries::family_names(conn).await?;
    let rows = sqlx::query!(
        r#"SELECT t.id, f.name AS family, t.template_name, t.version, t.priority,
                  t.configuration_rules,
                  (SELECT count(*) FROM products.bom_template_items i
                   WHERE i.template_id = t.id) AS "lines!",
                  t.is_active
           FROM products.bom_templates t
           JOIN products.sink_families f ON f.id = t.sink_family_id
           ORDER BY f.name, t.priority, t.template_name"#
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

pub async fn editor(conn: &mut PgConnection, id: Uuid) -> Result<TemplateEditor, AppError> {
    let header = sqlx::query!(
        "SELECT f.name AS family, f.code AS family_code, f.id AS family_id, t.template_name,
                t.version, t.priority, t.configuration_rules, t.is_active, t.description
         FROM products.bom_templates t JOIN products.sink_families f ON f.id = t.sink_family_id
         WHERE t.id = $1",
        id
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let lines = crate::boms::templates::drafts(conn, id).await?;
    let family_options = crate::orders::sinks::queries::family(conn, &header.family_code).await?;
    let configurations = sqlx::query!(
        "SELECT o.order_number, c.build_number FROM orders.order_sink_configurations c
         JOIN orders.orders o ON o.id = c.order_id
         WHERE c.sink_family_id = $1
           AND c.configuration_status IN ('VALIDATED', 'APPROVED', 'IN_PRODUCTION')
         ORDER BY o.order_number DESC, c.build_number
         LIMIT 100",
        header.family_id
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|row| numbers(&row.order_number, &row.build_number))
    .collect::<Result<_, _>>()?;
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

/// A stored order and build number; one that does not parse is a schema
/// drift, logged as an internal error.
pub(crate) fn numbers(order: &str, build: &str) -> Result<(OrderNumber, BuildNumber), AppError> {
    OrderNumber::parse(order)
        .and_then(|order| Ok((order, BuildNumber::parse(build)?)))
        .map_err(|error| {
            tracing::error!(%error, "unexpected number in the database");
            AppError::Internal
        })
}

/// The code of the family a template belongs to.
pub async fn family_code(conn: &mut PgConnection, template_id: Uuid) -> Result<String, AppError> {
    sqlx::query_scalar!(
        "SELECT f.code FROM products.bom_templates t
         JOIN products.sink_families f ON f.id = t.sink_family_id WHERE t.id = $1",
        template_id
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)
}
