//! Saving a route: the draft checked as the editor checks it (every rule
//! tried on the family's sample configurations), each work center looked up,
//! then written as the family's next version, in the caller's transaction,
//! so the audit rows commit with it and a refusal writes nothing. A saved
//! version is never changed: the tasks generated from it keep naming its
//! steps, and the next order entering production follows the new one.

use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::FieldError;
use torvan::workflow::route::{RouteDraft, RouteStep, RouteStepDraft, check_route, step_field};
use uuid::Uuid;

use crate::error::AppError;

/// Saves the draft as the family's next version; returns that version.
/// `edited` is the version the draft was read from (0: none), and a newer
/// one in force is a conflict.
pub async fn save(
    conn: &mut PgConnection,
    user_id: Uuid,
    family_code: &str,
    edited: i32,
    draft: &RouteDraft,
) -> Result<i32, AppError> {
    let family = crate::orders::sinks::queries::family(conn, family_code)
        .await
        .map_err(|_| AppError::NotFound)?;
    let checked = check_route(draft, &family);
    let mut errors = checked.as_ref().err().cloned().unwrap_or_default();
    errors.extend(unknown_work_centers(conn, draft).await?);
    let (Ok(route), true) = (checked, errors.is_empty()) else {
        return Err(AppError::InvalidFields(errors));
    };
    // The family's row lock numbers the versions one save at a time.
    let family_id = sqlx::query_scalar!(
        "SELECT id FROM products.sink_families WHERE code = $1 FOR UPDATE",
        family_code
    )
    .fetch_one(&mut *conn)
    .await?;
    let latest = sqlx::query_scalar!(
        r#"SELECT coalesce(max(version), 0) AS "version!" FROM workflow.routes
           WHERE sink_family_id = $1"#,
        family_id
    )
    .fetch_one(&mut *conn)
    .await?;
    if latest != edited {
        return Err(AppError::Conflict);
    }
    let version = latest + 1;
    let notes = draft.notes.trim();
    let route_id = sqlx::query_scalar!(
        "INSERT INTO workflow.routes (sink_family_id, version, notes, created_by)
         VALUES ($1, $2, $3, $4) RETURNING id",
        family_id,
        version,
        (!notes.is_empty()).then_some(notes),
        user_id
    )
    .fetch_one(&mut *conn)
    .await?;
    // The checked route's steps are the draft's, in its order; the rules
    // are stored as typed, trimmed.
    for (step, typed) in route.steps().iter().zip(&draft.steps) {
        insert_step(conn, route_id, step, typed).await?;
    }
    Ok(version)
}

/// Work centers the draft names that are not active ones, at their fields.
async fn unknown_work_centers(
    conn: &mut PgConnection,
    draft: &RouteDraft,
) -> Result<Vec<FieldError>, AppError> {
    let active = sqlx::query_scalar!("SELECT code FROM workflow.work_centers WHERE is_active")
        .fetch_all(conn)
        .await?;
    Ok(draft
        .steps
        .iter()
        .enumerate()
        .filter(|(_, step)| {
            let code = step.work_center.trim();
            !code.is_empty() && !active.iter().any(|known| known == code)
        })
        .map(|(index, step)| {
            FieldError::new(
                &step_field(index, "work_center"),
                format!("There is no work center {}.", step.work_center.trim()),
            )
        })
        .collect())
}

async fn insert_step(
    conn: &mut PgConnection,
    route_id: Uuid,
    step: &RouteStep,
    typed: &RouteStepDraft,
) -> Result<(), AppError> {
    let condition = typed.condition.trim();
    let instructions = (!step.instructions.is_empty()).then_some(step.instructions.as_str());
    let step_id = sqlx::query_scalar!(
        "INSERT INTO workflow.route_steps (route_id, step_code, title, task_type, work_center,
             condition, estimate_formula, work_instructions, required_tools, required_skills,
             inspection_required, approval_required, takes_unassigned_materials)
         VALUES ($1, $2, $3, $4::text::task_type, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         RETURNING id",
        route_id,
        step.code.as_str(),
        &step.title,
        step.task_type.as_db_str(),
        step.work_center.as_str(),
        (!condition.is_empty()).then_some(condition),
        typed.estimate_formula.trim(),
        instructions,
        &step.tools,
        &step.skills,
        step.inspection_required,
        step.approval_required,
        step.takes_unassigned_materials
    )
    .fetch_one(&mut *conn)
    .await?;
    let codes: Vec<String> = step
        .predecessors
        .iter()
        .map(|predecessor| predecessor.step.as_str().to_owned())
        .collect();
    let dependencies: Vec<String> = step
        .predecessors
        .iter()
        .map(|predecessor| predecessor.dependency.as_db_str().to_owned())
        .collect();
    let lags: Vec<i32> = step
        .predecessors
        .iter()
        .map(|predecessor| predecessor.lag_minutes)
        .collect();
    sqlx::query!(
        "INSERT INTO workflow.route_step_predecessors (step_id, predecessor_code, dependency_type,
             lag_minutes)
         SELECT $1, code, dependency, lag
         FROM unnest($2::text[], $3::text[], $4::int[]) AS p(code, dependency, lag)",
        step_id,
        &codes,
        &dependencies,
        &lags
    )
    .execute(conn)
    .await?;
    Ok(())
}
