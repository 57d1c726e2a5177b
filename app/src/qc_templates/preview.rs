//! A QC template as typed, planned for one sink unit of its family: the
//! checklist the unit would get, from the configuration its approved BOM
//! was generated from (the BOM's snapshot, as checklist generation reads
//! it). It only reads, so nothing a preview does is ever saved.

use std::collections::BTreeMap;

use sqlx::PgConnection;
use torvan::BuildNumber;
use torvan::quality::{
    ChecklistTemplateDraft, PlannedItem, check_template, item_field, plan_checklist,
};
use torvan::rule_language::Value;

use crate::error::AppError;

pub async fn preview(
    conn: &mut PgConnection,
    family_code: &str,
    draft: &ChecklistTemplateDraft,
    build: &BuildNumber,
) -> Result<Vec<PlannedItem>, AppError> {
    let family = crate::orders::sinks::queries::family(conn, family_code)
        .await
        .map_err(|_| AppError::NotFound)?;
    let unit = sqlx::query!(
        r#"SELECT f.code AS family, bom.configuration_snapshot AS "snapshot!"
         FROM orders.sink_builds b
         JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
         JOIN products.sink_families f ON f.id = c.sink_family_id
         JOIN orders.boms bom ON bom.configuration_id = c.id AND bom.status = 'APPROVED'
         WHERE b.build_number = $1 AND bom.configuration_snapshot IS NOT NULL"#,
        build.as_str()
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| {
        AppError::invalid(
            "build",
            format!("{build} has no approved BOM to plan from."),
        )
    })?;
    if unit.family != family.code {
        return Err(AppError::invalid(
            "build",
            "Choose a unit of the template's own family.",
        ));
    }
    let template = check_template(draft, &family).map_err(|problems| {
        AppError::invalid(
            "build",
            format!(
                "Correct the {} before a preview.",
                torvan::plural::count(problems.len(), "marked field", "marked fields")
            ),
        )
    })?;
    let vars: BTreeMap<String, Value> = serde_json::from_value(unit.snapshot).map_err(|error| {
        tracing::error!(%error, %build, "BOM configuration snapshot");
        AppError::Internal
    })?;
    plan_checklist(&template, &vars).map_err(|failure| {
        AppError::invalid(
            &item_field(failure.index, failure.field),
            format!("Fails for {build}: {}.", failure.error),
        )
    })
}
