//! What an order's builds stand at, read in one statement: each sink
//! configuration's status, whether it has an approved BOM version, and per
//! part of that version how much it needs, holds and has had issued
//! (`orders.bom_part_standing`), and which sink units still have a
//! production task open or its serial plate missing, and each unit's QC
//! checklists. The lifecycle's gates
//! (`torvan::order_lifecycle::OrderFacts`), the order page's shortage list
//! and the freeze of shipped orders' records are all read from here, so
//! they cannot disagree.

use sqlx::PgConnection;
use torvan::order_lifecycle::OrderFacts;
use torvan::sink::ConfigurationStatus;
use torvan::workflow::TaskType;
use torvan::{BuildNumber, DbEnum, OrderStatus};
use uuid::Uuid;

use crate::error::AppError;
use crate::orders::detail::BuildShortage;

/// One configuration's standing.
struct Build {
    number: BuildNumber,
    approved: bool,
    has_approved_bom: bool,
    parts: Vec<PartStanding>,
}

struct PartStanding {
    part_number: String,
    needed: i32,
    held: i32,
    issued: i32,
}

/// The order's builds as the lifecycle and the order page see them.
pub struct BuildState {
    has_work: bool,
    builds: Vec<Build>,
    /// Sink units with a production task still open.
    unfinished: Vec<String>,
    /// Sink units of an order numbered by plates whose plate is not recorded.
    unserialised: Vec<String>,
    qc: crate::quality::queries::QcFacts,
}

impl BuildState {
    pub async fn read(conn: &mut PgConnection, order_id: Uuid) -> Result<Self, AppError> {
        let rows = sqlx::query!(
            r#"WITH configs AS (
                   SELECT c.id, c.build_number, coalesce(c.configuration_status, 'DRAFT') AS status,
                          (SELECT b.id FROM orders.boms b
                           WHERE b.configuration_id = c.id AND b.status = 'APPROVED' LIMIT 1) AS bom_id
                   FROM orders.order_sink_configurations c WHERE c.order_id = $1)
               SELECT f.build_number AS "build_number!", f.status AS "status!",
                      f.bom_id IS NOT NULL AS "has_approved_bom!", p.part_number AS "part_number?",
                      s.needed AS "needed?", s.held AS "held?", s.issued AS "issued?"
               FROM configs f
               LEFT JOIN orders.bom_part_standing s ON s.bom_id = f.bom_id
               LEFT JOIN inventory.parts p ON p.id = s.part_id
               ORDER BY f.build_number, p.part_number"#,
            order_id,
        )
        .fetch_all(&mut *conn)
        .await?;
        let has_lines = sqlx::query_scalar!(
            r#"SELECT EXISTS (SELECT 1 FROM orders.order_line_items WHERE order_id = $1) AS "has_lines!""#,
            order_id,
        )
        .fetch_one(&mut *conn)
        .await?;
        let production: Vec<String> = TaskType::ALL
            .iter()
            .filter(|kind| kind.is_production())
            .map(|kind| kind.as_db_str().to_owned())
            .collect();
        let unfinished = sqlx::query_scalar!(
            "SELECT DISTINCT b.build_number
             FROM workflow.tasks t JOIN orders.sink_builds b ON b.id = t.build_id
             WHERE t.order_id = $1 AND t.task_type::text = ANY($2)
               AND t.status NOT IN ('COMPLETED', 'CANCELLED')
             ORDER BY b.build_number",
            order_id,
            &production,
        )
        .fetch_all(&mut *conn)
        .await?;
        let unserialised = sqlx::query_scalar!(
            "SELECT b.build_number
             FROM orders.sink_builds b
             JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
             JOIN orders.orders o ON o.id = c.order_id
             WHERE o.id = $1 AND o.unit_serials = $2 AND b.serial_plate IS NULL
             ORDER BY b.build_number",
            order_id,
            torvan::unit_serial::SerialScheme::SerialPlate.as_db_str(),
        )
        .fetch_all(&mut *conn)
        .await?;

        let mut builds: Vec<Build> = Vec::new();
        for row in rows {
            if builds
                .last()
                .is_none_or(|build| build.number.as_str() != row.build_number)
            {
                let status = ConfigurationStatus::parse(&row.status)?;
                builds.push(Build {
                    number: BuildNumber::parse(&row.build_number)?,
                    approved: matches!(
                        status,
                        ConfigurationStatus::Approved | ConfigurationStatus::InProduction
                    ),
                    has_approved_bom: row.has_approved_bom,
                    parts: Vec::new(),
                });
            }
            if let (Some(part_number), Some(needed), Some(held), Some(issued), Some(build)) = (
                row.part_number,
                row.needed,
                row.held,
                row.issued,
                builds.last_mut(),
            ) {
                build.parts.push(PartStanding {
                    part_number,
                    needed,
                    held,
                    issued,
                });
            }
        }
        let qc = crate::quality::queries::gate_facts(conn, order_id).await?;
        Ok(Self {
            has_work: has_lines || !builds.is_empty(),
            builds,
            unfinished,
            unserialised,
            qc,
        })
    }

    /// The facts the lifecycle's gates read.
    pub fn facts(&self) -> OrderFacts {
        let numbers = |keep: fn(&Build) -> bool| {
            self.builds
                .iter()
                .filter(|&build| keep(build))
                .map(|build| build.number.to_string())
                .collect()
        };
        OrderFacts {
            has_work: self.has_work,
            unapproved_sinks: numbers(|build| !build.approved),
            unapproved_boms: numbers(|build| !build.has_approved_bom),
            unissued_builds: numbers(|build| {
                build.has_approved_bom && build.parts.iter().any(|part| part.issued < part.needed)
            }),
            unfinished_builds: self.unfinished.clone(),
            pre_qc_not_passed: self.qc.pre_qc_not_passed.clone(),
            final_qc_not_passed: self.qc.final_qc_not_passed.clone(),
            held_builds: self.qc.held_builds.clone(),
            unserialised_units: self.unserialised.clone(),
        }
    }

    /// The parts approved BOMs need that are neither held nor issued: what
    /// starting production would leave the bench waiting for.
    pub fn shortages(&self) -> Vec<BuildShortage> {
        self.builds
            .iter()
            .flat_map(|build| {
                build.parts.iter().filter_map(|part| {
                    let short_by = part.needed - part.held - part.issued;
                    (short_by > 0).then(|| BuildShortage {
                        build_number: build.number.clone(),
                        part_number: part.part_number.clone(),
                        short_by,
                    })
                })
            })
            .collect()
    }
}

/// Refuses a change to a configuration's BOMs, configuration or issued
/// stock once its order has shipped: they are the as-built record. The
/// order row is locked for share, so a lifecycle move (which locks it for
/// update) waits for this change, or this change sees the order shipped.
pub async fn refuse_if_shipped(
    conn: &mut PgConnection,
    configuration_id: Uuid,
) -> Result<(), AppError> {
    let status = sqlx::query_scalar!(
        r#"SELECT o.status::text AS "status!" FROM orders.orders o
           JOIN orders.order_sink_configurations c ON c.order_id = o.id WHERE c.id = $1
           FOR SHARE OF o"#,
        configuration_id,
    )
    .fetch_one(&mut *conn)
    .await?;
    let status = OrderStatus::parse(&status)?;
    if torvan::order_lifecycle::build_records_frozen(status) {
        return Err(AppError::invalid(
            "status",
            format!(
                "This order is {}: its BOMs, configurations and issued stock are the as-built record and cannot change.",
                status.label().to_lowercase()
            ),
        ));
    }
    Ok(())
}
