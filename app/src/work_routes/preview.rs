//! A route as typed, planned for one build of its family: the tasks the
//! build would get, with their estimates and the steps each waits for. It
//! only reads, so nothing a preview does is ever saved.

use sqlx::PgConnection;
use torvan::workflow::route::{RouteDraft, check_route, plan};
use torvan::{BuildNumber, OrderNumber};

use super::model::PlannedTask;
use crate::boms::generate::configuration_variables;
use crate::error::AppError;
use crate::orders::sinks::columns::to_choices;
use crate::orders::sinks::queries::{Target, config, family};

pub async fn preview(
    conn: &mut PgConnection,
    family_code: &str,
    draft: &RouteDraft,
    order_number: &OrderNumber,
    build_number: &BuildNumber,
) -> Result<Vec<PlannedTask>, AppError> {
    let family = family(conn, family_code)
        .await
        .map_err(|_| AppError::NotFound)?;
    let target = Target {
        order_number: order_number.clone(),
        build_number: build_number.clone(),
    };
    let row = config(conn, &target, false).await?;
    if row.family != family.code {
        return Err(AppError::invalid(
            "configuration",
            "Choose a configuration of the route's own family.",
        ));
    }
    let route = check_route(draft, &family).map_err(|problems| {
        AppError::invalid(
            "configuration",
            format!(
                "Correct the {} before a preview.",
                torvan::plural::count(problems.len(), "marked field", "marked fields")
            ),
        )
    })?;
    let vars = configuration_variables(&to_choices(row.family.clone(), &row.columns), &family)?;
    let steps = plan(&route, &vars).map_err(|failure| {
        AppError::invalid(
            "configuration",
            format!("This build cannot be planned: {failure}."),
        )
    })?;
    Ok(steps
        .into_iter()
        .map(|step| PlannedTask {
            code: step.code.to_string(),
            title: step.title,
            work_center: step.work_center.to_string(),
            estimated_minutes: step.estimated_minutes,
            waits_for: step
                .predecessors
                .iter()
                .map(|predecessor| match predecessor.lag_minutes {
                    0 => format!(
                        "{} ({})",
                        predecessor.step,
                        predecessor.dependency.label().to_lowercase()
                    ),
                    lag => format!(
                        "{} ({}, {lag:+} min)",
                        predecessor.step,
                        predecessor.dependency.label().to_lowercase()
                    ),
                })
                .collect(),
        })
        .collect())
}
