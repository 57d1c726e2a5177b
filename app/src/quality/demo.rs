//! Checklists for the demo data, brought to where their orders stand: every
//! order in pre-QC or past it has its builds' pre-QC checklists, every
//! order in final QC or past it its final-QC ones, made as entering the
//! phase makes them; a phase the order is past was passed: each item
//! recorded as passing (a measurement at its nominal value, or at its
//! limit when it has none), signed off by the demo inspector and reviewed
//! by the demo administrator where the template asks. The demo records
//! carry no photos (the seed writes no files). Written in the seed's own
//! transaction; a second run finds nothing to do.

use sqlx::PgConnection;
use torvan::quality::QcPhase;
use torvan::signature::{Duties, Meaning, RecordKind, SignedRecord};
use uuid::Uuid;

use super::generate::for_order;
use crate::error::AppError;
use crate::signatures::store;

/// The demo people who inspect and review.
pub struct DemoInspectors {
    pub creator: Uuid,
    pub inspector: Uuid,
    pub reviewer: Uuid,
}

/// Makes and passes the demo checklists; returns how many it made.
pub async fn generate_missing(
    conn: &mut PgConnection,
    people: &DemoInspectors,
) -> Result<usize, AppError> {
    let orders = sqlx::query!(
        r#"SELECT id, status >= 'PRE_QC' AS "pre!", status >= 'FINAL_QC' AS "fin!"
           FROM orders.orders WHERE status >= 'PRE_QC' ORDER BY order_number"#
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut made = 0;
    for order in orders {
        if order.pre {
            made += for_order(conn, people.creator, order.id, QcPhase::PreQc).await?;
        }
        if order.fin {
            made += for_order(conn, people.creator, order.id, QcPhase::FinalQc).await?;
        }
    }
    pass_past_phases(conn, people).await?;
    Ok(made)
}

/// Records, signs and reviews the checklists of phases their orders are
/// past.
async fn pass_past_phases(
    conn: &mut PgConnection,
    people: &DemoInspectors,
) -> Result<(), AppError> {
    let checklists = sqlx::query!(
        r#"SELECT c.id, c.review_required
           FROM quality.qc_checklists c JOIN orders.orders o ON o.id = c.order_id
           WHERE c.status = 'PENDING'
             AND ((c.phase = 'PRE_QC' AND o.status >= 'PRODUCTION_COMPLETE')
                  OR (c.phase = 'FINAL_QC' AND o.status >= 'QC_COMPLETE'))
           ORDER BY c.id"#
    )
    .fetch_all(&mut *conn)
    .await?;
    for checklist in checklists {
        sqlx::query!(
            "INSERT INTO quality.qc_results (id, item_id, round, result, value, unit, recorded_by)
             SELECT md5('torvan-demo:qc-result:' || i.id)::uuid, i.id, i.round, 'PASS',
                    CASE i.tolerance_kind
                        WHEN 'MINIMUM' THEN i.tolerance_minus
                        WHEN 'MAXIMUM' THEN i.tolerance_plus
                        WHEN 'RANGE' THEN i.tolerance_minus
                        ELSE i.nominal_value
                    END,
                    i.measurement_unit, $2
             FROM quality.qc_checklist_items i WHERE i.checklist_id = $1
             ON CONFLICT DO NOTHING",
            checklist.id,
            people.inspector,
        )
        .execute(&mut *conn)
        .await?;
        sqlx::query!(
            "UPDATE quality.qc_checklist_items i
             SET status = 'PASSED', result_id = r.id, actual_value = r.value, actual_unit = r.unit,
                 measured_at = r.recorded_at, measured_by = r.recorded_by
             FROM quality.qc_results r
             WHERE i.checklist_id = $1 AND r.item_id = i.id",
            checklist.id,
        )
        .execute(&mut *conn)
        .await?;
        let version = sqlx::query_scalar!(
            "UPDATE quality.qc_checklists
             SET status = 'PASSED', overall_result = 'PASSED', started_at = now(),
                 completed_at = now(), pass_percentage = 100, row_version = row_version + 1,
                 reviewed_by = CASE WHEN review_required THEN $2::uuid END,
                 reviewed_at = CASE WHEN review_required THEN now() END
             WHERE id = $1
             RETURNING row_version",
            checklist.id,
            people.reviewer,
        )
        .fetch_one(&mut *conn)
        .await?;
        let standing = super::sign::standing(conn, checklist.id).await?;
        let record = SignedRecord {
            kind: RecordKind::QcChecklist,
            id: checklist.id,
            version,
        };
        store::record(
            conn,
            people.inspector,
            Meaning::Performed,
            record,
            &standing.content,
            Duties::Separate,
        )
        .await?;
        if checklist.review_required {
            store::record(
                conn,
                people.reviewer,
                Meaning::Reviewed,
                record,
                &standing.content,
                Duties::Separate,
            )
            .await?;
        }
    }
    Ok(())
}
