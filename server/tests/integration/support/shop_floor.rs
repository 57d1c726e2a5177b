//! Tasks on the demo builds for the shop-floor tests: the task hangs on a
//! step of its family's latest route (a version 1 is made when the family
//! has none), the step made when the route lacks its code. Tests use step
//! codes from 900 up, which no demo route uses, so a task of theirs is
//! never one the demo has already made.

use sqlx::PgPool;
use uuid::Uuid;

use super::arranging;
use super::demo::users;

/// A task as the boards see it.
#[derive(Debug, Clone, Copy)]
pub struct Task {
    pub id: Uuid,
    pub order: Uuid,
    pub build: Uuid,
}

/// A new task of the demo build `build_number`, at step `step_code` in
/// work center `work_center` (`CUTTING`, `WELDING`…).
pub async fn task(pool: &PgPool, build_number: &str, step_code: &str, work_center: &str) -> Task {
    let mut conn = arranging(pool).await;
    let (build, order, family): (Uuid, Uuid, Uuid) = sqlx::query_as(
        "SELECT b.id, c.order_id, c.sink_family_id
         FROM orders.sink_builds b
         JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
         WHERE b.build_number = $1",
    )
    .bind(build_number)
    .fetch_one(&mut conn)
    .await
    .unwrap();
    let existing: Option<Uuid> = sqlx::query_scalar(
        "SELECT id FROM workflow.routes WHERE sink_family_id = $1 ORDER BY version DESC LIMIT 1",
    )
    .bind(family)
    .fetch_optional(&mut conn)
    .await
    .unwrap();
    let route = match existing {
        Some(route) => route,
        None => sqlx::query_scalar(
            "INSERT INTO workflow.routes (sink_family_id, version, created_by)
             VALUES ($1, 1, $2) RETURNING id",
        )
        .bind(family)
        .bind(users::ADMIN_ID)
        .fetch_one(&mut conn)
        .await
        .unwrap(),
    };
    let step: Uuid = sqlx::query_scalar(
        "WITH made AS (
             INSERT INTO workflow.route_steps
                 (route_id, step_code, title, task_type, work_center, estimate_formula)
             VALUES ($1, $2, 'Step ' || $2, 'ASSEMBLY', $3, '30')
             ON CONFLICT (route_id, step_code) DO NOTHING
             RETURNING id)
         SELECT id FROM made
         UNION ALL SELECT id FROM workflow.route_steps WHERE route_id = $1 AND step_code = $2",
    )
    .bind(route)
    .bind(step_code)
    .bind(work_center)
    .fetch_one(&mut conn)
    .await
    .unwrap();
    let id = sqlx::query_scalar(
        "INSERT INTO workflow.tasks (order_id, build_id, route_step_id, step_code, title,
             task_type, work_center, task_number, created_by)
         VALUES ($1, $2, $3, $4, 'Step ' || $4, 'ASSEMBLY', $5, $6 || '-' || $4, $7)
         RETURNING id",
    )
    .bind(order)
    .bind(build)
    .bind(step)
    .bind(step_code)
    .bind(work_center)
    .bind(build_number)
    .bind(users::ADMIN_ID)
    .fetch_one(&mut conn)
    .await
    .unwrap();
    Task { id, order, build }
}

/// Raises the task's version in a transaction of its own, as a move does.
pub async fn touch(pool: &PgPool, task: Uuid) {
    sqlx::query("UPDATE workflow.tasks SET version = version + 1 WHERE id = $1")
        .bind(task)
        .execute(&mut arranging(pool).await)
        .await
        .unwrap();
}
