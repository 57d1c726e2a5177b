//! The dashboard's figures: orders counted by status, the orders whose
//! production is done and that wait for pre-QC, and the parts at or below
//! their reorder point, the most urgent first.

use sqlx::PgConnection;
use torvan::workflow::TaskType;
use torvan::{DbEnum, OrderStatus, StockStatus};

use super::model::{DashboardSummary, FirstPassYield, ReadyForQc, StatusCount, StockAlert};
use crate::error::AppError;

/// How many alerts the dashboard lists; the total is counted in full.
const STOCK_ALERT_LIMIT: i64 = 20;

pub async fn summary(conn: &mut PgConnection) -> Result<DashboardSummary, AppError> {
    let counted = sqlx::query!(
        r#"SELECT status::text AS "status!", count(*) AS "orders!"
           FROM orders.order_summary GROUP BY status"#
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|row| Ok((OrderStatus::parse(&row.status)?, row.orders)))
    .collect::<Result<Vec<_>, AppError>>()?;
    let orders_by_status = OrderStatus::ALL
        .iter()
        .map(|&status| StatusCount {
            status,
            orders: counted
                .iter()
                .find(|(counted, _)| *counted == status)
                .map_or(0, |(_, orders)| *orders),
        })
        .collect();

    let alert_rows = sqlx::query!(
        r#"SELECT part_number AS "part_number!", name AS "name!",
                  quantity_available AS "available!", reorder_point AS "reorder_point!",
                  stock_status AS "stock_status!", count(*) OVER () AS "total!"
           FROM inventory.parts_availability
           WHERE stock_status IN ('OUT_OF_STOCK', 'LOW_STOCK')
           ORDER BY CASE stock_status WHEN 'OUT_OF_STOCK' THEN 0 ELSE 1 END, part_number
           LIMIT $1"#,
        STOCK_ALERT_LIMIT,
    )
    .fetch_all(&mut *conn)
    .await?;
    let stock_alert_total = alert_rows.first().map_or(0, |row| row.total);
    let stock_alerts = alert_rows
        .into_iter()
        .map(|row| {
            Ok(StockAlert {
                status: StockStatus::parse(&row.stock_status)?,
                part_number: row.part_number,
                name: row.name,
                available: row.available,
                reorder_point: row.reorder_point,
            })
        })
        .collect::<Result<_, AppError>>()?;

    Ok(DashboardSummary {
        orders_by_status,
        stock_alerts,
        stock_alert_total,
        ready_for_qc: ready_for_qc(&mut *conn).await?,
        first_pass_yield: first_pass_yield(conn).await?,
    })
}

/// Signed inspections per family and month of the last twelve months: a
/// first pass is signed PASSED in its first round with no defect recorded
/// (a waived one counts: it was a defect).
async fn first_pass_yield(conn: &mut PgConnection) -> Result<Vec<FirstPassYield>, AppError> {
    let rows = sqlx::query_as!(
        FirstPassYield,
        r#"SELECT f.code AS "family!",
                  to_char(c.completed_at AT TIME ZONE 'UTC', 'YYYY-MM') AS "month!",
                  count(*) AS "inspected!",
                  count(*) FILTER (WHERE c.round = 1 AND c.status = 'PASSED'
                                     AND NOT EXISTS (SELECT 1 FROM quality.qc_defects d
                                                     WHERE d.checklist_id = c.id)) AS "first_pass!"
           FROM quality.qc_checklists c
           JOIN orders.sink_builds b ON b.id = c.build_id
           JOIN orders.order_sink_configurations sc ON sc.id = b.configuration_id
           JOIN products.sink_families f ON f.id = sc.sink_family_id
           WHERE c.status IN ('PASSED', 'WAIVED', 'FAILED') AND c.completed_at IS NOT NULL
             AND c.completed_at >= date_trunc('month', now()) - interval '11 months'
           GROUP BY 1, 2
           ORDER BY 2 DESC, 1"#
    )
    .fetch_all(conn)
    .await?;
    Ok(rows)
}

/// Orders in production with production tasks, all of them finished: the
/// same reading as the lifecycle's `Requirement::ProductionDone`
/// (`orders::build_state`), so every order listed may move to pre-QC.
async fn ready_for_qc(conn: &mut PgConnection) -> Result<Vec<ReadyForQc>, AppError> {
    let production: Vec<String> = TaskType::ALL
        .iter()
        .filter(|kind| kind.is_production())
        .map(|kind| kind.as_db_str().to_owned())
        .collect();
    let rows = sqlx::query!(
        r#"SELECT o.order_number, c.company_name, count(DISTINCT t.build_id) AS "units!",
                  max(t.completed_at) AS finished_at
           FROM orders.orders o
           JOIN public.customers c ON c.id = o.customer_id
           JOIN workflow.tasks t ON t.order_id = o.id AND t.task_type::text = ANY($1)
           WHERE o.status = 'IN_PRODUCTION'
           GROUP BY o.id, c.company_name
           HAVING bool_and(t.status IN ('COMPLETED', 'CANCELLED'))
           ORDER BY max(t.completed_at), o.order_number"#,
        &production,
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| ReadyForQc {
            order_number: row.order_number,
            customer_name: row.company_name,
            units: row.units,
            finished_at: row.finished_at,
        })
        .collect())
}
