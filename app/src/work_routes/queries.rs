//! Reading a family's route in force, back through the domain's own reader
//! (`torvan::workflow::route::read_route`), so a stored route is the same
//! checked `Route` the editor saved.

use std::collections::HashMap;

use sqlx::PgConnection;
use torvan::workflow::StepCode;
use torvan::workflow::route::{PredecessorDraft, Route, RouteDraft, RouteStepDraft, read_route};
use uuid::Uuid;

use crate::error::AppError;

/// A family's route in force, with the id of each step.
pub struct RouteInForce {
    pub id: Uuid,
    pub version: i32,
    pub route: Route,
    pub step_ids: HashMap<StepCode, Uuid>,
}

/// The highest version of `family`'s route, `None` when it has none.
pub async fn in_force(
    conn: &mut PgConnection,
    family: &str,
) -> Result<Option<RouteInForce>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT r.id AS route_id, r.version, s.id, s.step_code, s.title,
                  s.task_type::text AS "task_type!", s.work_center,
                  coalesce(s.condition, '') AS "condition!", s.estimate_formula,
                  coalesce(s.work_instructions, '') AS "instructions!",
                  array_to_string(s.required_tools, E'\n') AS "tools!",
                  array_to_string(s.required_skills, E'\n') AS "skills!",
                  s.inspection_required, s.approval_required, s.takes_unassigned_materials,
                  coalesce((SELECT json_agg(json_build_object(
                                'step', p.predecessor_code, 'dependency', p.dependency_type,
                                'lag_minutes', p.lag_minutes::text) ORDER BY p.predecessor_code)
                            FROM workflow.route_step_predecessors p WHERE p.step_id = s.id),
                           '[]') AS "predecessors!"
           FROM workflow.routes r
           JOIN products.sink_families f ON f.id = r.sink_family_id
           JOIN workflow.route_steps s ON s.route_id = r.id
           WHERE f.code = $1
             AND r.version = (SELECT max(version) FROM workflow.routes
                              WHERE sink_family_id = r.sink_family_id)
           ORDER BY s.step_code"#,
        family
    )
    .fetch_all(&mut *conn)
    .await?;
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    let (id, version) = (first.route_id, first.version);
    let mut step_ids = HashMap::new();
    let mut steps = Vec::with_capacity(rows.len());
    for row in rows {
        let predecessors: Vec<PredecessorDraft> = serde_json::from_value(row.predecessors)
            .map_err(|error| stored_route_unreadable(family, &error.to_string()))?;
        step_ids.insert(
            StepCode::parse(&row.step_code)
                .map_err(|error| stored_route_unreadable(family, &error.to_string()))?,
            row.id,
        );
        steps.push(RouteStepDraft {
            code: row.step_code,
            title: row.title,
            task_type: row.task_type,
            work_center: row.work_center,
            condition: row.condition,
            estimate_formula: row.estimate_formula,
            instructions: row.instructions,
            tools: row.tools,
            skills: row.skills,
            inspection_required: row.inspection_required,
            approval_required: row.approval_required,
            takes_unassigned_materials: row.takes_unassigned_materials,
            predecessors,
        });
    }
    let draft = RouteDraft {
        notes: String::new(),
        steps,
    };
    let route = read_route(&draft).map_err(|errors| {
        let detail: Vec<String> = errors
            .iter()
            .map(|error| format!("{}: {}", error.field, error.message))
            .collect();
        stored_route_unreadable(family, &detail.join("; "))
    })?;
    Ok(Some(RouteInForce {
        id,
        version,
        route,
        step_ids,
    }))
}

/// A stored route the domain cannot read: saved past the editor's checks,
/// or a schema drift. Logged; the user is told nothing they could fix.
fn stored_route_unreadable(family: &str, detail: &str) -> AppError {
    tracing::error!(family, detail, "stored route unreadable");
    AppError::Internal
}
