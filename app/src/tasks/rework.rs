//! Rework after a failed inspection: when QC sends an order back to
//! production, every build whose checklist was signed FAILED gets a rework
//! task at the assembly benches, listing the defects still to fix and
//! their corrective actions. It is a production task, so the order cannot
//! return to pre-QC before it is done; on return, only the failed items are
//! inspected again (`quality::generate`). Its step code says which
//! inspection and round it follows (912: pre-QC round 2, 921: final QC
//! round 1), and a task is unique per build and step code, so sending the
//! order back twice makes one task.

use sqlx::PgConnection;
use torvan::quality::QcPhase;
use torvan::workflow::{StepCode, TaskNumber, TaskPriority};
use torvan::{BuildNumber, DbEnum, OrderPriority};
use uuid::Uuid;

use crate::error::AppError;

/// Minutes a rework task is estimated at, before anyone looks at it.
const REWORK_ESTIMATE_MINUTES: i32 = 60;

/// Writes the rework tasks of the order's failed checklists; how many.
pub async fn for_failed_checklists(
    conn: &mut PgConnection,
    user_id: Uuid,
    order_id: Uuid,
) -> Result<usize, AppError> {
    let failed = sqlx::query!(
        r#"SELECT c.build_id, b.build_number, c.phase::text AS "phase!", c.round,
                  o.priority::text AS "priority!",
                  coalesce(o.promised_ship_date, o.requested_ship_date)::timestamptz AS due,
                  coalesce(string_agg(d.defect_number || ': ' || d.description
                                      || coalesce(E'\n  Corrective action: ' || d.corrective_action, ''),
                                      E'\n' ORDER BY d.defect_number), '') AS "defects!"
           FROM quality.qc_checklists c
           JOIN orders.sink_builds b ON b.id = c.build_id
           JOIN orders.orders o ON o.id = c.order_id
           LEFT JOIN quality.qc_defects d
                  ON d.checklist_id = c.id AND d.resolution_status IN ('OPEN', 'IN_PROGRESS')
           WHERE c.order_id = $1 AND c.status = 'FAILED'
           GROUP BY c.build_id, b.build_number, c.phase, c.round, o.priority,
                    o.promised_ship_date, o.requested_ship_date
           ORDER BY b.build_number"#,
        order_id,
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut written = 0;
    for build in failed {
        let phase = QcPhase::parse(&build.phase)?;
        let digit = match phase {
            QcPhase::PreQc => 1,
            QcPhase::FinalQc => 2,
        };
        let step =
            StepCode::parse(&format!("9{digit}{}", build.round.clamp(1, 9))).map_err(|error| {
                tracing::error!(%error, "rework step code");
                AppError::Internal
            })?;
        let number = BuildNumber::parse(&build.build_number)?;
        let priority = TaskPriority::of_order(OrderPriority::parse(&build.priority)?);
        let title = format!("Rework after {} (round {})", phase.label(), build.round);
        let instructions = format!(
            "Fix the defects QC found, then hand the unit back to QC:\n{}",
            build.defects
        );
        written += sqlx::query!(
            "INSERT INTO workflow.tasks
                 (order_id, build_id, step_code, task_number, title, task_type, work_center,
                  estimated_duration_minutes, work_instructions, priority, due_date,
                  sequence_number, created_by)
             VALUES ($1, $2, $3, $4, $5, 'ASSEMBLY', 'ASSEMBLY', $6, $7, $8::text::task_priority,
                     $9, $10, $11)
             ON CONFLICT ON CONSTRAINT task_one_per_build_step DO NOTHING",
            order_id,
            build.build_id,
            step.to_string(),
            TaskNumber::of(&number, &step).to_string(),
            title,
            REWORK_ESTIMATE_MINUTES,
            instructions,
            priority.as_db_str(),
            build.due,
            step.to_string().parse::<i32>().unwrap_or_default(),
            user_id,
        )
        .execute(&mut *conn)
        .await?
        .rows_affected() as usize;
    }
    Ok(written)
}
