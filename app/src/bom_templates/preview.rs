//! A template's lines as typed, worked out for one configuration of its
//! family: the BOM they would give, or the first line that cannot be built.

use sqlx::PgPool;
use torvan::bom::{TemplateLineDraft, parse_template};
use uuid::Uuid;

use super::api::Preview;
use crate::boms::generate::{build, configuration_variables};
use crate::boms::queries::tree_rows;
use crate::error::AppError;
use crate::orders::sinks::columns::to_choices;
use crate::orders::sinks::queries::{Target, config, family};

pub async fn preview(
    pool: &PgPool,
    template_id: Uuid,
    lines: &[TemplateLineDraft],
    order_number: &str,
    build_number: &str,
) -> Result<Preview, AppError> {
    let mut conn = pool.acquire().await?;
    let template_family = super::queries::family_code(&mut conn, template_id).await?;
    let target = Target::parse(order_number, build_number)?;
    let row = config(&mut conn, &target, false).await?;
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
    let family = family(&mut conn, &row.family).await?;
    let vars = configuration_variables(&to_choices(row.family.clone(), &row.columns), &family)?;
    let built = build(&mut conn, "as edited", &template, &vars).await?;
    Ok(Preview {
        parts_count: built.bom.totals.parts_count,
        total_cost: built.bom.totals.cost,
        total_weight: built.bom.totals.weight,
        rows: tree_rows(&built.bom.lines),
    })
}
