//! Tasks for the demo data, brought to where their orders stand: every
//! order in production or past it has its builds' tasks generated as the
//! move into production would have, then worked through as far as the
//! order's status says, with the assembler's time recorded against each
//! finished task. Written in the seed's own transaction.

use sqlx::PgConnection;
use uuid::Uuid;

use super::generate::for_order;
use crate::error::AppError;

/// Generates and progresses the demo orders' tasks; returns how many it
/// generated. `coordinator` creates them, `assembler` does the work.
pub async fn generate_missing(
    conn: &mut PgConnection,
    coordinator: Uuid,
    assembler: Uuid,
) -> Result<usize, AppError> {
    let orders = sqlx::query_scalar!(
        "SELECT id FROM orders.orders
         WHERE status IN ('IN_PRODUCTION', 'PRE_QC', 'PRODUCTION_COMPLETE', 'FINAL_QC',
                          'QC_COMPLETE', 'SHIPPED', 'DELIVERED')
         ORDER BY order_number"
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut generated = 0;
    for order in orders {
        generated += for_order(conn, coordinator, order).await?;
    }
    progress(conn, assembler).await?;
    Ok(generated)
}

/// Marks done what each order's status says is done: the first five steps
/// of an order in production (the frame under way), every production task
/// from pre-QC on, pre-QC itself from production complete on, final QC
/// from QC complete on, and everything once shipped. Steps are three hours
/// apart from the order's release to production.
async fn progress(conn: &mut PgConnection, assembler: Uuid) -> Result<(), AppError> {
    sqlx::query!(
        r#"WITH released AS (
               SELECT o.id AS order_id, o.status::text AS status,
                      (SELECT max(h.changed_at) FROM orders.order_status_history h
                       WHERE h.order_id = o.id AND h.to_status = 'IN_PRODUCTION') AS at
               FROM orders.orders o
           ), standing AS (
               SELECT t.id, t.estimated_duration_minutes AS minutes,
                      r.at + (t.step_code::int / 10) * interval '3 hours' AS started,
                      CASE
                          WHEN r.status IN ('SHIPPED', 'DELIVERED') THEN 'COMPLETED'
                          WHEN r.status = 'QC_COMPLETE' AND t.step_code <= '120' THEN 'COMPLETED'
                          WHEN r.status IN ('PRODUCTION_COMPLETE', 'FINAL_QC')
                               AND (t.task_type = 'ASSEMBLY' OR t.step_code = '110') THEN 'COMPLETED'
                          WHEN r.status = 'PRE_QC' AND t.task_type = 'ASSEMBLY' THEN 'COMPLETED'
                          WHEN r.status = 'IN_PRODUCTION' AND t.step_code < '060' THEN 'COMPLETED'
                          WHEN r.status = 'IN_PRODUCTION' AND t.step_code = '060' THEN 'IN_PROGRESS'
                          ELSE 'PENDING'
                      END AS status
               FROM workflow.tasks t JOIN released r ON r.order_id = t.order_id
               WHERE t.status = 'PENDING' AND t.started_at IS NULL
           )
           UPDATE workflow.tasks t
           SET status = s.status::task_status, version = t.version + 1,
               started_at = s.started,
               completed_at = CASE WHEN s.status = 'COMPLETED'
                                   THEN s.started + s.minutes * interval '1 minute' END,
               actual_duration_minutes = CASE WHEN s.status = 'COMPLETED' THEN s.minutes END,
               assigned_to = $1, assigned_at = s.started, assigned_by = t.created_by,
               progress_percentage = CASE s.status WHEN 'COMPLETED' THEN 100 ELSE 50 END
           FROM standing s
           WHERE s.id = t.id AND s.status <> 'PENDING'"#,
        assembler
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "INSERT INTO workflow.task_time_entries
             (task_id, user_id, start_time, end_time, duration_minutes, activity_type, is_complete)
         SELECT t.id, t.assigned_to, t.started_at, t.completed_at, t.actual_duration_minutes,
                'WORK', TRUE
         FROM workflow.tasks t
         WHERE t.status = 'COMPLETED' AND t.assigned_to = $1
           AND NOT EXISTS (SELECT 1 FROM workflow.task_time_entries e WHERE e.task_id = t.id)",
        assembler
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}
