//! A template's lines as typed, worked out for one configuration of its
//! family: the BOM they would give, or the first line that cannot be built.
//! It only reads, so nothing a preview does is ever saved.

use sqlx::PgConnection;
use torvan::bom::{TemplateLineDraft, parse_template};
use torvan::{BuildNumber, OrderNumber};
use uuid::Uuid;

use super::model::Preview;
use crate::boms::generate::{build, configuration_variables};
use crate::boms::queries::tree_rows;
use crate::error::AppError;
use crate::orders::sinks::columns::to_choices;
use crate::orders::sinks::queries::{Target, config, family};

pub async fn preview(
    conn: &mut PgConnection,
    template_id: Uuid,
    lines: &[TemplateLineDraft],
    order_number: &OrderNumber,
    build_number: &BuildNumber,
) -> Result<Preview, AppError> {
    let template_family = super::queries::family_code(conn, template_id).await?;
    let target = Target {
        order_number: order_number.clone(),
        build_number: build_number.clone(),
    };
    let row = config(conn, &target, false).await?;
    if row.family != template_family {
        return Err(AppError::invalid(
            "configuration",
            "Choose a configuration of the template's own family.",
        ));
    }
    let template = parse_template(lines).map_err(|problems| {
        AppError::invalid(
            "configuration",
            format!(
                "Correct the {} before a preview.",
                torvan::plural::count(problems.len(), "marked field", "marked fields")
            ),
        )
    })?;
    let family = family(conn, &row.family).await?;
    let vars = configuration_variables(&to_choices(row.family.clone(), &row.columns), &family)?;
    let built = build(conn, "as edited", &template, &vars).await?;
    Ok(Preview {
        parts_count: built.bom.totals.parts_count,
        total_cost: built.bom.totals.cost,
        total_weight: built.bom.totals.weight,
        rows: tree_rows(&built.bom.lines),
    })
}
