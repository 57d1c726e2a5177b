//! Defects: opened by a failed item, described by the inspector, worked
//! through OPEN → IN_PROGRESS → RESOLVED → CLOSED, or waived with a reason
//! and the waiver's signature. The moves are the domain's
//! (`torvan::quality::defect_move`); every write here checks the version
//! the form was shown, so two people editing one defect never overwrite
//! each other unseen. A defect's number is its build's number with the
//! build's defect count (`TB-2026-0106-01-1-D2`), taken under the
//! checklist's lock, so two failures never share a number.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use torvan::quality::{DefectStatus, Severity, defect_move};
use torvan::signature::{Content, Duties, Meaning, RecordKind, SignedRecord};
use torvan::{DbEnum, Role};
use uuid::Uuid;

use super::model::DefectFields;
use crate::error::AppError;
use crate::signatures::store;

/// The longest text a defect's fields take.
pub const TEXT_LIMIT: usize = 2_000;
/// The longest location or category.
pub const SHORT_LIMIT: usize = 100;

/// Opens a defect on the failed item unless one of this round is still
/// being dealt with. The item's checklist is locked by the caller.
pub async fn open_for_item(
    conn: &mut PgConnection,
    user: Uuid,
    item_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    sqlx::query!(
        "INSERT INTO quality.qc_defects
             (checklist_item_id, checklist_id, build_id, defect_number, defect_category, severity,
              description, resolution_status, created_by, created_at, updated_at)
         SELECT i.id, c.id, c.build_id,
                b.build_number || '-D' || (SELECT count(*) + 1 FROM quality.qc_defects d
                                           WHERE d.build_id = c.build_id),
                i.category, 'MAJOR',
                i.description || ': failed' ||
                    coalesce(' at ' || trim_scale(i.actual_value)::text || ' ' || i.actual_unit, ''),
                'OPEN', $2, $3, $3
         FROM quality.qc_checklist_items i
         JOIN quality.qc_checklists c ON c.id = i.checklist_id
         JOIN orders.sink_builds b ON b.id = c.build_id
         WHERE i.id = $1
           AND NOT EXISTS (SELECT 1 FROM quality.qc_defects d
                           WHERE d.checklist_item_id = i.id
                             AND d.resolution_status IN ('OPEN', 'IN_PROGRESS'))",
        item_id,
        user,
        now,
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Closes the defect a failed reading opened when the item is recorded
/// again as passed before anyone worked on the defect: the first reading
/// was a misreading, and the closing note says so.
pub async fn close_misread(
    conn: &mut PgConnection,
    user: Uuid,
    item_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE quality.qc_defects
         SET resolution_status = 'CLOSED', resolved_at = $3, resolved_by = $2,
             resolution_notes = 'Recorded again as passed in the same inspection: the failed reading was superseded.',
             version = version + 1, updated_at = $3
         WHERE checklist_item_id = $1 AND resolution_status = 'OPEN'",
        item_id,
        user,
        now,
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The defect's fields, checked: severity known, description present,
/// every text within its limit.
pub struct CheckedFields {
    pub severity: Severity,
    pub fields: DefectFields,
}

pub fn check_fields(fields: DefectFields) -> Result<CheckedFields, AppError> {
    let severity = Severity::parse(&fields.severity)
        .map_err(|_| AppError::invalid("severity", "Choose minor, major or critical."))?;
    let trimmed = DefectFields {
        severity: fields.severity.clone(),
        category: fields.category.trim().to_owned(),
        location: fields.location.trim().to_owned(),
        description: fields.description.trim().to_owned(),
        root_cause: fields.root_cause.trim().to_owned(),
        corrective_action: fields.corrective_action.trim().to_owned(),
        preventive_action: fields.preventive_action.trim().to_owned(),
        resolution_notes: fields.resolution_notes.trim().to_owned(),
    };
    if trimmed.description.is_empty() {
        return Err(AppError::invalid(
            "description",
            "Say what is wrong with the unit.",
        ));
    }
    for (field, text, limit) in [
        ("category", &trimmed.category, SHORT_LIMIT),
        ("location", &trimmed.location, SHORT_LIMIT),
        ("description", &trimmed.description, TEXT_LIMIT),
        ("root_cause", &trimmed.root_cause, TEXT_LIMIT),
        ("corrective_action", &trimmed.corrective_action, TEXT_LIMIT),
        ("preventive_action", &trimmed.preventive_action, TEXT_LIMIT),
        ("resolution_notes", &trimmed.resolution_notes, TEXT_LIMIT),
    ] {
        if text.chars().count() > limit {
            return Err(AppError::invalid(
                field,
                format!("At most {limit} characters."),
            ));
        }
    }
    Ok(CheckedFields {
        severity,
        fields: trimmed,
    })
}

/// The defect locked, with what a move needs.
struct Locked {
    status: DefectStatus,
    version: i32,
    defect_number: String,
    description: String,
    severity: String,
}

async fn lock(conn: &mut PgConnection, id: Uuid, seen: i32) -> Result<Locked, AppError> {
    let row = sqlx::query!(
        "SELECT resolution_status, version, defect_number, description, severity
         FROM quality.qc_defects WHERE id = $1 FOR UPDATE",
        id,
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    if row.version != seen {
        return Err(AppError::invalid(
            "defect",
            "Someone changed this defect since you opened it: reload to see their change.",
        ));
    }
    Ok(Locked {
        status: DefectStatus::parse(&row.resolution_status)?,
        version: row.version,
        defect_number: row.defect_number,
        description: row.description,
        severity: row.severity,
    })
}

/// Saves the defect's description and actions; its new version.
pub async fn save(
    conn: &mut PgConnection,
    id: Uuid,
    seen: i32,
    checked: &CheckedFields,
    now: DateTime<Utc>,
) -> Result<i32, AppError> {
    let locked = lock(conn, id, seen).await?;
    if matches!(locked.status, DefectStatus::Closed | DefectStatus::Waived) {
        return Err(AppError::invalid(
            "defect",
            format!(
                "Defect {} is {}: it is no longer changed.",
                locked.defect_number,
                locked.status.label().to_lowercase()
            ),
        ));
    }
    let fields = &checked.fields;
    let version = sqlx::query_scalar!(
        "UPDATE quality.qc_defects
         SET severity = $2, defect_category = nullif($3, ''), defect_location = nullif($4, ''),
             description = $5, root_cause = nullif($6, ''), corrective_action = nullif($7, ''),
             preventive_action = nullif($8, ''), resolution_notes = nullif($9, ''),
             version = version + 1, updated_at = $10
         WHERE id = $1
         RETURNING version",
        id,
        checked.severity.as_db_str(),
        fields.category,
        fields.location,
        fields.description,
        fields.root_cause,
        fields.corrective_action,
        fields.preventive_action,
        fields.resolution_notes,
        now,
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(version)
}

/// Moves the defect to `to` as `user` in `role`; its new version. A waiver
/// goes through `waive`.
pub async fn move_to(
    conn: &mut PgConnection,
    (user, role): (Uuid, Role),
    (id, seen): (Uuid, i32),
    to: DefectStatus,
    now: DateTime<Utc>,
) -> Result<i32, AppError> {
    if to == DefectStatus::Waived {
        return Err(AppError::invalid(
            "to",
            "A waiver is signed: use Waive, with its reason and your password.",
        ));
    }
    let locked = lock(conn, id, seen).await?;
    defect_move(locked.status, to, role, None)
        .map_err(|refusal| AppError::invalid("to", refusal.to_string()))?;
    let resolved = matches!(to, DefectStatus::Resolved | DefectStatus::Closed);
    let version = sqlx::query_scalar!(
        "UPDATE quality.qc_defects
         SET resolution_status = $2,
             resolved_at = CASE WHEN $3 THEN coalesce(resolved_at, $4) ELSE NULL END,
             resolved_by = CASE WHEN $3 THEN coalesce(resolved_by, $5) ELSE NULL END,
             version = version + 1, updated_at = $4
         WHERE id = $1
         RETURNING version",
        id,
        to.as_db_str(),
        resolved,
        now,
        user,
    )
    .fetch_one(&mut *conn)
    .await?;
    debug_assert!(version > locked.version);
    Ok(version)
}

/// Waives the defect with `reason`, signed by `user` (password already
/// confirmed); the failed item then counts as accepted at sign-off.
pub async fn waive(
    conn: &mut PgConnection,
    (user, role): (Uuid, Role),
    (id, seen): (Uuid, i32),
    reason: &str,
    now: DateTime<Utc>,
) -> Result<i32, AppError> {
    let locked = lock(conn, id, seen).await?;
    defect_move(locked.status, DefectStatus::Waived, role, Some(reason))
        .map_err(|refusal| AppError::invalid("reason", refusal.to_string()))?;
    let reason = reason.trim();
    let version = locked.version + 1;
    let content = Content::qc_defect_waiver(
        &locked.defect_number,
        &locked.severity,
        &locked.description,
        reason,
    );
    let record = SignedRecord {
        kind: RecordKind::QcDefect,
        id,
        version,
    };
    store::record(
        conn,
        user,
        Meaning::Approved,
        record,
        &content.hash(),
        Duties::Separate,
    )
    .await?;
    sqlx::query!(
        "UPDATE quality.qc_defects
         SET resolution_status = 'WAIVED', waiver_reason = $2,
             waiver_signature_id = (SELECT s.id FROM audit.signatures s
                                    WHERE s.record_kind = 'QC_DEFECT' AND s.record_id = $1
                                    ORDER BY s.seq DESC LIMIT 1),
             resolved_at = $3, resolved_by = $4, version = $5, updated_at = $3
         WHERE id = $1",
        id,
        reason,
        now,
        user,
        version,
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "UPDATE quality.qc_checklist_items i SET status = 'WAIVED'
         FROM quality.qc_defects d
         WHERE d.id = $1 AND i.id = d.checklist_item_id AND i.status = 'FAILED'",
        id,
    )
    .execute(&mut *conn)
    .await?;
    Ok(version)
}
