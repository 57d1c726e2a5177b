//! Routes as the pages and task generation read them, on the connection
//! the caller gives. A stored route goes back through the domain's own
//! reader (`torvan::workflow::route::read_route`), so the route in force is
//! the same checked `Route` the editor saved.

use std::collections::HashMap;

use sqlx::PgConnection;
use torvan::workflow::StepCode;
use torvan::workflow::route::{PredecessorDraft, Route, RouteDraft, RouteStepDraft, read_route};
use uuid::Uuid;

use super::model::{RouteEditor, RouteSummary, Saved};
use crate::error::AppError;

/// A family's route in force, with the id of each step.
pub struct RouteInForce {
    pub id: Uuid,
    pub version: i32,
    pub route: Route,
    pub step_ids: HashMap<StepCode, Uuid>,
}

/// A family's highest route version as its text, with each step's id.
struct Stored {
    id: Uuid,
    version: i32,
    draft: RouteDraft,
    step_ids: HashMap<StepCode, Uuid>,
}

/// The highest version of `family`'s route, `None` when it has none.
pub async fn in_force(
    conn: &mut PgConnection,
    family: &str,
) -> Result<Option<RouteInForce>, AppError> {
    let Some(stored) = stored(conn, family).await? else {
        return Ok(None);
    };
    let route = read_route(&stored.draft).map_err(|errors| {
        let detail: Vec<String> = errors
            .iter()
            .map(|error| format!("{}: {}", error.field, error.message))
            .collect();
        stored_route_unreadable(family, &detail.join("; "))
    })?;
    Ok(Some(RouteInForce {
        id: stored.id,
        version: stored.version,
        route,
        step_ids: stored.step_ids,
    }))
}

async fn stored(conn: &mut PgConnection, family: &str) -> Result<Option<Stored>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT r.id AS route_id, r.version, coalesce(r.notes, '') AS "notes!", s.id,
                  s.step_code, s.title,
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
    let (id, version, notes) = (first.route_id, first.version, first.notes.clone());
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
    Ok(Some(Stored {
        id,
        version,
        draft: RouteDraft { notes, steps },
        step_ids,
    }))
}

/// A stored route the domain cannot read: saved past the editor's checks,
/// or a schema drift. Logged; the user is told nothing they could fix.
fn stored_route_unreadable(family: &str, detail: &str) -> AppError {
    tracing::error!(family, detail, "stored route unreadable");
    AppError::Internal
}

/// Every configurable family with its route in force, if any.
pub async fn list(conn: &mut PgConnection) -> Result<Vec<RouteSummary>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT f.code, f.name, r.version AS "version?", r.created_at AS "saved_at?",
                  u.first_name || ' ' || u.last_name AS "saved_by?",
                  (SELECT count(*) FROM workflow.route_steps s WHERE s.route_id = r.id) AS "steps!"
           FROM products.sink_families f
           LEFT JOIN workflow.routes r ON r.sink_family_id = f.id
                AND r.version = (SELECT max(version) FROM workflow.routes
                                 WHERE sink_family_id = f.id)
           LEFT JOIN auth.users u ON u.id = r.created_by
           WHERE f.is_active AND f.is_configurable
           ORDER BY f.name"#
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| RouteSummary {
            family_code: row.code,
            family: row.name,
            saved: row.version.zip(row.saved_at).map(|(version, at)| Saved {
                version,
                steps: row.steps,
                by: row.saved_by.unwrap_or_default(),
                at,
            }),
        })
        .collect())
}

/// The editor for `family`: its route in force, or, when it has none, a
/// copy of `copy_from`'s (or one empty step) to start from.
pub async fn editor(
    conn: &mut PgConnection,
    family: &str,
    copy_from: Option<&str>,
) -> Result<RouteEditor, AppError> {
    let family_options = crate::orders::sinks::queries::family(conn, family)
        .await
        .map_err(|_| AppError::NotFound)?;
    let own = stored(conn, family).await?;
    let version = own.as_ref().map_or(0, |own| own.version);
    let draft = match (own, copy_from) {
        (Some(own), _) => own.draft,
        (None, Some(other)) => stored(conn, other)
            .await?
            .map(|other| other.draft)
            .ok_or(AppError::NotFound)?,
        (None, None) => RouteDraft {
            notes: String::new(),
            steps: vec![RouteStepDraft {
                code: "010".to_owned(),
                takes_unassigned_materials: true,
                ..RouteStepDraft::default()
            }],
        },
    };
    let work_centers = sqlx::query!(
        "SELECT code, name FROM workflow.work_centers WHERE is_active ORDER BY sort_order, code"
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|row| (row.code, row.name))
    .collect();
    let configurations = sqlx::query!(
        "SELECT o.order_number, c.build_number FROM orders.order_sink_configurations c
         JOIN orders.orders o ON o.id = c.order_id
         JOIN products.sink_families f ON f.id = c.sink_family_id
         WHERE f.code = $1
           AND c.configuration_status IN ('VALIDATED', 'APPROVED', 'IN_PRODUCTION')
         ORDER BY o.order_number DESC, c.build_number
         LIMIT 100",
        family
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|row| crate::bom_templates::queries::numbers(&row.order_number, &row.build_number))
    .collect::<Result<_, _>>()?;
    Ok(RouteEditor {
        family_code: family_options.code.clone(),
        family: family_options.name.clone(),
        version,
        draft,
        family_options,
        work_centers,
        configurations,
    })
}
