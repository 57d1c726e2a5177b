//! The reads only the production record makes: which build a number names,
//! the stock issued to it with lots and serials (its genealogy), its tasks
//! with who worked on them, and the audit trail's rows about its records
//! with each hash recomputed. The rest of the record is read by the
//! features that own it (`record.rs`).

use sqlx::PgConnection;
use torvan::text::minute_utc;
use torvan::workflow::TaskStatus;
use torvan::{BuildNumber, DbEnum};
use uuid::Uuid;

use super::model::{AuditRecord, IssuedMaterial, TaskRecord};
use crate::boms::stock::REFERENCE_KIND;
use crate::error::AppError;

/// The build a number names, and what it belongs to.
pub struct Head {
    pub id: Uuid,
    pub build_number: String,
    pub unit: i32,
    pub units: i32,
    pub configuration_id: Uuid,
    pub configuration_number: String,
    pub order_id: Uuid,
    pub order_number: String,
    pub shipped_on: Option<chrono::NaiveDate>,
    /// How the order numbers its units, and this unit's plate if recorded.
    pub unit_serials: torvan::unit_serial::SerialScheme,
    pub serial_plate: Option<String>,
}

impl Head {
    /// The serial number the unit carries (none while its plate is missing).
    pub fn serial_number(&self) -> Option<String> {
        torvan::unit_serial::serial_of(
            self.unit_serials,
            &self.build_number,
            self.serial_plate.as_deref(),
        )
    }
}

/// A unit's build number; a single sink's configuration number names its
/// one unit too.
pub async fn head(conn: &mut PgConnection, build: &BuildNumber) -> Result<Head, AppError> {
    let row = sqlx::query!(
        r#"SELECT sb.id AS "id!", sb.build_number AS "build_number!", sb.unit_number AS "unit!",
                  c.quantity AS "units!", c.id AS "configuration_id!",
                  c.build_number AS "configuration_number!", o.id AS "order_id!",
                  o.order_number AS "order_number!", o.actual_ship_date,
                  o.unit_serials AS "unit_serials!", sb.serial_plate
           FROM orders.sink_builds sb
           JOIN orders.order_sink_configurations c ON c.id = sb.configuration_id
           JOIN orders.orders o ON o.id = c.order_id
           WHERE sb.build_number = $1
           UNION ALL
           SELECT sb.id, sb.build_number, sb.unit_number, c.quantity, c.id, c.build_number,
                  o.id, o.order_number, o.actual_ship_date, o.unit_serials, sb.serial_plate
           FROM orders.order_sink_configurations c
           JOIN orders.sink_builds sb ON sb.configuration_id = c.id
           JOIN orders.orders o ON o.id = c.order_id
           WHERE c.build_number = $1 AND c.quantity = 1
           LIMIT 1"#,
        build.as_str()
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(Head {
        id: row.id,
        build_number: row.build_number,
        unit: row.unit,
        units: row.units,
        configuration_id: row.configuration_id,
        configuration_number: row.configuration_number,
        order_id: row.order_id,
        order_number: row.order_number,
        shipped_on: row.actual_ship_date,
        unit_serials: torvan::unit_serial::SerialScheme::parse(&row.unit_serials)?,
        serial_plate: row.serial_plate,
    })
}

/// What went into the build, net of returns: a task's issues name the
/// build; an issue of the whole BOM went to every unit of its
/// configuration. One line per part, lot and task.
pub async fn materials(
    conn: &mut PgConnection,
    head: &Head,
) -> Result<Vec<IssuedMaterial>, AppError> {
    let rows = sqlx::query!(
        r#"WITH issued AS (
               SELECT m.part_id, m.lot_id, m.build_id, m.reason,
                      -sum(m.on_hand_change)::int AS quantity,
                      max(m.created_at) AS issued_at,
                      (array_agg(m.created_by ORDER BY m.created_at DESC))[1] AS issued_by,
                      array_agg(m.id) AS movement_ids
               FROM inventory.stock_movements m
               JOIN orders.boms b ON m.reference_type = $3 AND b.id::text = m.reference_id
               WHERE b.configuration_id = $2
                 AND (m.build_id = $1 OR m.build_id IS NULL)
                 AND m.on_hand_change <> 0
               GROUP BY m.part_id, m.lot_id, m.build_id, m.reason
               HAVING sum(m.on_hand_change) < 0)
           SELECT p.part_number, p.name, l.id AS "lot_id?", l.lot_number AS "lot_number?",
                  issued.quantity AS "quantity!", issued.issued_at AS "issued_at!",
                  nullif(trim(u.first_name || ' ' || u.last_name), '') AS by,
                  issued.build_id, issued.reason,
                  coalesce((SELECT array_agg(s.serial_number ORDER BY s.serial_number)
                            FROM inventory.serial_movements sm
                            JOIN inventory.part_serials s ON s.id = sm.serial_id
                            WHERE sm.movement_id = ANY(issued.movement_ids) AND NOT s.in_stock),
                           '{}') AS "serials!"
           FROM issued
           JOIN inventory.parts p ON p.id = issued.part_id
           LEFT JOIN inventory.stock_lots l ON l.id = issued.lot_id
           LEFT JOIN auth.users u ON u.id = issued.issued_by
           ORDER BY p.part_number, l.lot_number NULLS FIRST, issued.issued_at"#,
        head.id,
        head.configuration_id,
        REFERENCE_KIND
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| IssuedMaterial {
            part_number: row.part_number,
            name: row.name,
            lot: row.lot_id.zip(row.lot_number),
            serials: row.serials,
            quantity: row.quantity,
            issued: minute_utc(row.issued_at),
            by: row.by,
            // A task's issue carries the build and the task in its note.
            task: row.build_id.and(row.reason),
        })
        .collect())
}

/// The build's tasks in route order, with the time logged on each.
pub async fn tasks(conn: &mut PgConnection, build_id: Uuid) -> Result<Vec<TaskRecord>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT t.task_number, t.title, w.name AS work_center, t.status::text AS "status!",
                  nullif(trim(a.first_name || ' ' || a.last_name), '') AS assignee,
                  t.started_at, t.completed_at,
                  coalesce((SELECT sum(e.duration_minutes) FROM workflow.task_time_entries e
                            WHERE e.task_id = t.id), 0)::bigint AS "minutes!",
                  coalesce((SELECT array_agg(DISTINCT trim(u.first_name || ' ' || u.last_name))
                            FROM workflow.task_time_entries e JOIN auth.users u ON u.id = e.user_id
                            WHERE e.task_id = t.id), '{}') AS "worked_by!"
           FROM workflow.tasks t
           JOIN workflow.work_centers w ON w.code = t.work_center
           LEFT JOIN auth.users a ON a.id = t.assigned_to
           WHERE t.build_id = $1
           ORDER BY t.step_code"#,
        build_id
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(TaskRecord {
                number: row.task_number,
                title: row.title,
                work_center: row.work_center,
                status: TaskStatus::parse(&row.status)?,
                assignee: row.assignee,
                started: row.started_at.map(minute_utc),
                completed: row.completed_at.map(minute_utc),
                minutes: row.minutes,
                worked_by: row.worked_by,
            })
        })
        .collect()
}

/// A record the audit trail tracks: its schema, table and id.
pub type Tracked = (&'static str, &'static str, Uuid);

/// The audit trail's rows about `records`, each row's hash recomputed from
/// its content now, and when the whole chain was last verified.
pub async fn audit(conn: &mut PgConnection, records: &[Tracked]) -> Result<AuditRecord, AppError> {
    let schemas: Vec<String> = records.iter().map(|r| r.0.to_owned()).collect();
    let tables: Vec<String> = records.iter().map(|r| r.1.to_owned()).collect();
    let ids: Vec<String> = records.iter().map(|r| r.2.to_string()).collect();
    let counts = sqlx::query!(
        r#"SELECT count(*) AS "rows!",
                  count(*) FILTER (WHERE audit.chain_digest('data_changes', to_jsonb(d)) = d.row_hash)
                      AS "intact!"
           FROM unnest($1::text[], $2::text[], $3::text[]) AS r(schema_name, table_name, record_id)
           JOIN audit.data_changes d
             ON d.schema_name = r.schema_name AND d.table_name = r.table_name
            AND d.record_id = r.record_id"#,
        &schemas,
        &tables,
        &ids
    )
    .fetch_one(&mut *conn)
    .await?;
    let last = sqlx::query!(
        "SELECT verified_at, ok, rows_checked FROM audit.chain_verifications
         ORDER BY verified_at DESC LIMIT 1"
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(AuditRecord {
        rows: counts.rows,
        intact: counts.intact,
        last_chain_verification: last.map(|last| {
            let verdict = if last.ok { "intact" } else { "BROKEN" };
            format!(
                "{}: {} rows checked, {verdict}",
                minute_utc(last.verified_at),
                last.rows_checked
            )
        }),
    })
}
