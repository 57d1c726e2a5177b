//! The reads behind the QC pages and the order's QC gates: one checklist
//! with its items, defects, photos and signatures; the list of checklists;
//! each build's QC standing, which the order page and the lifecycle's gates
//! read from the same statement so they cannot disagree.

use std::collections::HashMap;

use sqlx::PgConnection;
use torvan::quality::{
    DefectStatus, ItemResult, QcItemType, QcPhase, QcStatus, Reading, Severity, Unit,
};
use torvan::{BuildNumber, DbEnum, OrderNumber};
use uuid::Uuid;

use super::capture::stored_spec;
use super::model::{BuildQc, ChecklistLine, ChecklistView, DefectView, ItemView};
use super::photos::PhotoSummary;
use super::photos::queries::photos_of_checklist;
use crate::error::AppError;
use crate::signatures::store;

fn stored<T, E: std::fmt::Display>(what: &str, parsed: Result<T, E>) -> Result<T, AppError> {
    parsed.map_err(|error| {
        tracing::error!(%error, what, "stored QC value");
        AppError::Internal
    })
}

/// The `phase` checklist of `build`.
pub async fn checklist(
    conn: &mut PgConnection,
    build: &BuildNumber,
    phase: QcPhase,
) -> Result<ChecklistView, AppError> {
    let head = sqlx::query!(
        r#"SELECT c.id, c.status::text AS "status!", c.round, c.row_version,
                  coalesce(c.version, '1') AS "template_version!", c.review_required,
                  c.inspector_notes, o.order_number, f.code AS family,
                  nullif(trim(a.first_name || ' ' || a.last_name), '') AS inspector,
                  nullif(trim(r.first_name || ' ' || r.last_name), '') AS reviewer, c.reviewed_at
           FROM quality.qc_checklists c
           JOIN orders.sink_builds b ON b.id = c.build_id
           JOIN orders.orders o ON o.id = c.order_id
           JOIN orders.order_sink_configurations sc ON sc.id = b.configuration_id
           JOIN products.sink_families f ON f.id = sc.sink_family_id
           LEFT JOIN auth.users a ON a.id = c.assigned_to
           LEFT JOIN auth.users r ON r.id = c.reviewed_by
           WHERE b.build_number = $1 AND c.phase = $2::text::qc_phase"#,
        build.as_str(),
        phase.as_db_str(),
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let mut photos: HashMap<Uuid, Vec<PhotoSummary>> = HashMap::new();
    for photo in photos_of_checklist(conn, head.id).await? {
        if let Some(item) = photo.item_id {
            photos.entry(item).or_default().push(photo);
        }
    }
    let items = items(conn, head.id, &mut photos).await?;
    let standing = super::sign::standing(conn, head.id).await?;
    let signatures = store::shown(
        conn,
        torvan::signature::RecordKind::QcChecklist,
        head.id,
        &standing.content,
    )
    .await?;
    Ok(ChecklistView {
        id: head.id,
        build_number: build.clone(),
        order_number: stored("order number", OrderNumber::parse(&head.order_number))?,
        family: head.family,
        phase,
        status: QcStatus::parse(&head.status)?,
        round: head.round,
        row_version: head.row_version,
        template_version: head.template_version,
        inspector: head.inspector,
        review_required: head.review_required,
        reviewed: head.reviewer.zip(head.reviewed_at),
        notes: head.inspector_notes,
        items,
        signatures,
    })
}

async fn items(
    conn: &mut PgConnection,
    checklist: Uuid,
    photos: &mut HashMap<Uuid, Vec<PhotoSummary>>,
) -> Result<Vec<ItemView>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT i.id, i.item_number, coalesce(i.category, '') AS "category!", i.description,
                  i.item_type::text AS "item_type!", i.specification, i.nominal_value,
                  i.tolerance_kind, i.tolerance_plus, i.tolerance_minus, i.measurement_unit,
                  i.test_procedure, i.required_tools, i.is_required, i.photo_required,
                  i.document_required, i.round, r.result AS "result?", i.actual_value,
                  i.actual_unit, i.inspector_comments,
                  nullif(trim(u.first_name || ' ' || u.last_name), '') AS recorded_by,
                  i.measured_at
           FROM quality.qc_checklist_items i
           LEFT JOIN quality.qc_results r ON r.id = i.result_id
           LEFT JOIN auth.users u ON u.id = i.measured_by
           WHERE i.checklist_id = $1
           ORDER BY i.item_number"#,
        checklist,
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            let reading = match (row.actual_value, row.actual_unit.as_deref()) {
                (Some(value), Some(unit)) => Some(Reading {
                    value,
                    unit: Unit::parse(unit)?,
                }),
                _ => None,
            };
            let recorded = row.measured_at.map(|at| {
                format!(
                    "{}, {}",
                    row.recorded_by.clone().unwrap_or_default(),
                    torvan::text::minute_utc(at)
                )
            });
            Ok(ItemView {
                id: row.id,
                number: row.item_number,
                category: row.category,
                description: row.description,
                item_type: QcItemType::parse(&row.item_type)?,
                specification: row.specification,
                spec: stored_spec(
                    row.nominal_value,
                    row.tolerance_kind,
                    (row.tolerance_plus, row.tolerance_minus),
                    row.measurement_unit,
                )?,
                procedure: row.test_procedure,
                tools: row.required_tools.unwrap_or_default(),
                required: row.is_required,
                photo_required: row.photo_required,
                document_required: row.document_required,
                round: row.round,
                result: row.result.as_deref().map(ItemResult::parse).transpose()?,
                reading,
                comment: row.inspector_comments,
                recorded,
                photos: photos.remove(&row.id).unwrap_or_default(),
            })
        })
        .collect()
}

/// The checklist's defects, oldest first.
pub async fn defects(
    conn: &mut PgConnection,
    checklist: Uuid,
) -> Result<Vec<DefectView>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT d.id, d.defect_number, d.checklist_item_id, i.item_number,
                  i.description AS item_description, d.severity, d.resolution_status,
                  coalesce(d.defect_category, '') AS "category!",
                  coalesce(d.defect_location, '') AS "location!", d.description,
                  coalesce(d.root_cause, '') AS "root_cause!",
                  coalesce(d.corrective_action, '') AS "corrective!",
                  coalesce(d.preventive_action, '') AS "preventive!",
                  coalesce(d.resolution_notes, '') AS "notes!", d.waiver_reason, d.version
           FROM quality.qc_defects d
           JOIN quality.qc_checklist_items i ON i.id = d.checklist_item_id
           WHERE d.checklist_id = $1
           ORDER BY d.created_at, d.defect_number"#,
        checklist,
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut photos: HashMap<Uuid, Vec<PhotoSummary>> = HashMap::new();
    for photo in photos_of_checklist(conn, checklist).await? {
        if let Some(defect) = photo.defect_id {
            photos.entry(defect).or_default().push(photo);
        }
    }
    rows.into_iter()
        .map(|row| {
            Ok(DefectView {
                photos: photos.remove(&row.id).unwrap_or_default(),
                id: row.id,
                number: row.defect_number,
                item_id: row.checklist_item_id,
                item_number: row.item_number,
                item_description: row.item_description,
                severity: Severity::parse(&row.severity)?,
                status: DefectStatus::parse(&row.resolution_status)?,
                category: row.category,
                location: row.location,
                description: row.description,
                root_cause: row.root_cause,
                corrective_action: row.corrective,
                preventive_action: row.preventive,
                resolution_notes: row.notes,
                waiver_reason: row.waiver_reason,
                version: row.version,
            })
        })
        .collect()
}

/// Open checklists first (oldest first), then the latest signed ones.
pub async fn checklists(conn: &mut PgConnection) -> Result<Vec<ChecklistLine>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT b.build_number, o.order_number, f.code AS family, c.phase::text AS "phase!",
                  c.status::text AS "status!", c.round,
                  nullif(trim(a.first_name || ' ' || a.last_name), '') AS inspector,
                  (SELECT count(*) FROM quality.qc_checklist_items i
                   WHERE i.checklist_id = c.id AND i.status <> 'PENDING') AS "recorded!",
                  (SELECT count(*) FROM quality.qc_checklist_items i
                   WHERE i.checklist_id = c.id) AS "total!",
                  (SELECT count(*) FROM quality.qc_defects d
                   WHERE d.checklist_id = c.id
                     AND d.resolution_status IN ('OPEN', 'IN_PROGRESS', 'RESOLVED')) AS "open_defects!"
           FROM quality.qc_checklists c
           JOIN orders.sink_builds b ON b.id = c.build_id
           JOIN orders.orders o ON o.id = c.order_id
           JOIN orders.order_sink_configurations sc ON sc.id = b.configuration_id
           JOIN products.sink_families f ON f.id = sc.sink_family_id
           LEFT JOIN auth.users a ON a.id = c.assigned_to
           ORDER BY c.status IN ('PENDING', 'IN_PROGRESS') DESC,
                    CASE WHEN c.status IN ('PENDING', 'IN_PROGRESS') THEN c.created_at END,
                    c.completed_at DESC NULLS LAST, b.build_number
           LIMIT 200"#,
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(ChecklistLine {
                build_number: stored("build number", BuildNumber::parse(&row.build_number))?,
                order_number: stored("order number", OrderNumber::parse(&row.order_number))?,
                family: row.family,
                phase: QcPhase::parse(&row.phase)?,
                status: QcStatus::parse(&row.status)?,
                round: row.round,
                inspector: row.inspector,
                recorded: row.recorded,
                total: row.total,
                open_defects: row.open_defects,
            })
        })
        .collect()
}

/// Each build's checklists of the order, by build then phase.
pub async fn order_qc(conn: &mut PgConnection, order_id: Uuid) -> Result<Vec<BuildQc>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT b.build_number, c.phase::text AS "phase!", c.status::text AS "status!", c.round,
                  c.reviewed_by IS NOT NULL AS "reviewed!", c.review_required,
                  (SELECT count(*) FROM quality.qc_defects d
                   WHERE d.checklist_id = c.id
                     AND d.resolution_status IN ('OPEN', 'IN_PROGRESS', 'RESOLVED')) AS "open_defects!",
                  EXISTS (SELECT 1 FROM quality.qc_defects d
                          WHERE d.build_id = b.id AND d.severity = 'CRITICAL'
                            AND d.resolution_status IN ('OPEN', 'IN_PROGRESS', 'RESOLVED')) AS "held!"
           FROM quality.qc_checklists c
           JOIN orders.sink_builds b ON b.id = c.build_id
           WHERE c.order_id = $1
           ORDER BY b.build_number, c.phase"#,
        order_id,
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(BuildQc {
                build_number: stored("build number", BuildNumber::parse(&row.build_number))?,
                phase: QcPhase::parse(&row.phase)?,
                status: QcStatus::parse(&row.status)?,
                round: row.round,
                reviewed: row.reviewed,
                review_required: row.review_required,
                open_defects: row.open_defects,
                held: row.held,
            })
        })
        .collect()
}

/// What the lifecycle's QC gates read: per phase, the sink units whose
/// checklist is not signed passed (and reviewed, where asked), each with
/// why; and the units a critical defect holds.
pub struct QcFacts {
    pub pre_qc_not_passed: Vec<String>,
    pub final_qc_not_passed: Vec<String>,
    pub held_builds: Vec<String>,
}

pub async fn gate_facts(conn: &mut PgConnection, order_id: Uuid) -> Result<QcFacts, AppError> {
    let rows = sqlx::query!(
        r#"SELECT b.build_number, p.phase AS "phase!", c.status::text AS status,
                  c.review_required AS "review_required?", c.reviewed_by IS NOT NULL AS "reviewed!",
                  EXISTS (SELECT 1 FROM quality.qc_defects d
                          WHERE d.build_id = b.id AND d.severity = 'CRITICAL'
                            AND d.resolution_status IN ('OPEN', 'IN_PROGRESS', 'RESOLVED')) AS "held!"
           FROM orders.sink_builds b
           JOIN orders.order_sink_configurations sc ON sc.id = b.configuration_id
           CROSS JOIN (VALUES ('PRE_QC'), ('FINAL_QC')) AS p(phase)
           LEFT JOIN quality.qc_checklists c ON c.build_id = b.id AND c.phase::text = p.phase
           WHERE sc.order_id = $1
           ORDER BY b.build_number, p.phase DESC"#,
        order_id,
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut facts = QcFacts {
        pre_qc_not_passed: Vec::new(),
        final_qc_not_passed: Vec::new(),
        held_builds: Vec::new(),
    };
    for row in rows {
        let why = match row.status.as_deref().map(QcStatus::parse).transpose()? {
            None => Some("no checklist"),
            Some(status)
                if status.is_passed() && row.review_required == Some(true) && !row.reviewed =>
            {
                Some("not reviewed")
            }
            Some(status) if status.is_passed() => None,
            Some(QcStatus::Failed) => Some("failed"),
            Some(_) => Some("not signed"),
        };
        if let Some(why) = why {
            let entry = format!("{} ({why})", row.build_number);
            match QcPhase::parse(&row.phase)? {
                QcPhase::PreQc => facts.pre_qc_not_passed.push(entry),
                QcPhase::FinalQc => facts.final_qc_not_passed.push(entry),
            }
        }
        if row.held && !facts.held_builds.contains(&row.build_number) {
            facts.held_builds.push(row.build_number);
        }
    }
    Ok(facts)
}
