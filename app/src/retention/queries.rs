//! Reading the retention policies and the job's runs.

use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::retention::{Disposal, Policy, PolicyProblem, RetentionAction};

use super::model::{PolicyView, RetentionReport, RunTableView, RunView, label_of};
use crate::error::AppError;

/// How many runs the admin screen shows.
const RUNS_SHOWN: i64 = 5;

/// One row of `system.data_retention_policies`, read the same way by the
/// job and by the admin screen.
pub struct PolicyRow {
    pub schema: String,
    pub table: String,
    pub days: i32,
    pub active: bool,
    /// What the job may do with it, or why it skips it.
    pub parsed: Result<Policy, PolicyProblem>,
}

pub async fn policies(conn: &mut PgConnection) -> Result<Vec<PolicyRow>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT table_schema, table_name, retention_period_days,
                  coalesce(is_active, false) AS "active!"
           FROM system.data_retention_policies
           ORDER BY table_schema, table_name"#
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| PolicyRow {
            parsed: Policy::parse(
                &row.table_schema,
                &row.table_name,
                row.retention_period_days,
            ),
            schema: row.table_schema,
            table: row.table_name,
            days: row.retention_period_days,
            active: row.active,
        })
        .collect())
}

pub async fn overview(conn: &mut PgConnection) -> Result<RetentionReport, AppError> {
    let policies = policies(conn)
        .await?
        .into_iter()
        .map(|row| {
            let table = format!("{}.{}", row.schema, row.table);
            PolicyView {
                label: label_of(&table),
                table,
                days: row.days,
                active: row.active,
                removes: row
                    .parsed
                    .as_ref()
                    .is_ok_and(|policy| policy.table.disposal() == Disposal::Remove),
                problem: row.parsed.err().map(|problem| problem.to_string()),
            }
        })
        .collect();
    let runs = sqlx::query!(
        "SELECT id, started_at, ok, problem, manifest_key, manifest_sha256
         FROM system.retention_runs ORDER BY started_at DESC LIMIT $1",
        RUNS_SHOWN
    )
    .fetch_all(&mut *conn)
    .await?;
    let ids: Vec<_> = runs.iter().map(|run| run.id).collect();
    let tables = sqlx::query!(
        "SELECT run_id, table_schema, table_name, action, cutoff, row_count, oldest_at,
                archive_key, note
         FROM system.retention_run_tables
         WHERE run_id = ANY($1)
         ORDER BY table_schema, table_name",
        &ids
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut views = Vec::with_capacity(runs.len());
    for run in runs {
        let mut run_tables = Vec::new();
        for row in tables.iter().filter(|row| row.run_id == run.id) {
            let table = format!("{}.{}", row.table_schema, row.table_name);
            run_tables.push(RunTableView {
                label: label_of(&table),
                table,
                action: RetentionAction::parse(&row.action)?,
                cutoff: row.cutoff,
                row_count: row.row_count,
                oldest_at: row.oldest_at,
                archive_key: row.archive_key.clone(),
                note: row.note.clone(),
            });
        }
        views.push(RunView {
            id: run.id,
            started_at: run.started_at,
            ok: run.ok,
            problem: run.problem,
            manifest_key: run.manifest_key,
            manifest_sha256: run.manifest_sha256,
            tables: run_tables,
        });
    }
    Ok(RetentionReport {
        policies,
        runs: views,
    })
}
