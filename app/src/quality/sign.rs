//! Signing a checklist off, and reviewing the sign-off. The checklist is
//! locked and its row version compared with the one the inspector last
//! saw, so a signature never covers a value recorded after they looked.
//! The domain's `outcome` decides what is signed: incomplete is refused
//! (naming the items still to record), a failure not waived signs FAILED
//! (the build goes to rework), all failures waived WAIVED, anything else
//! PASSED. The signature binds
//! every item's result, reading and photo checksums and the defects'
//! standing (`Content::qc_checklist`). A review is a second person's
//! signature on a passed sign-off, where the template asks for one; the
//! inspector cannot review their own sign-off.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::quality::{
    DefectStatus, ItemResult, ItemState, Outcome, QcItemType, QcStatus, Reading, Unit, outcome,
};
use torvan::signature::{
    Content, ContentHash, Duties, Meaning, QcItemContent, RecordKind, SignedRecord,
};
use uuid::Uuid;

use super::capture::stored_spec;
use crate::error::AppError;
use crate::signatures::store;

/// The checklist as a sign-off reads it.
pub struct Standing {
    pub states: Vec<ItemState>,
    pub content: ContentHash,
}

/// Reads the items' states and the hash of what a signature would cover.
pub async fn standing(conn: &mut PgConnection, checklist: Uuid) -> Result<Standing, AppError> {
    let head = sqlx::query!(
        r#"SELECT b.build_number, c.phase::text AS "phase!", c.round
           FROM quality.qc_checklists c JOIN orders.sink_builds b ON b.id = c.build_id
           WHERE c.id = $1"#,
        checklist,
    )
    .fetch_one(&mut *conn)
    .await?;
    let items = sqlx::query!(
        r#"SELECT i.item_number, i.description, i.item_type::text AS "item_type!", i.is_required,
                  i.photo_required, i.document_required, i.nominal_value, i.tolerance_kind, i.tolerance_plus,
                  i.tolerance_minus, i.measurement_unit, r.result AS "result?",
                  i.actual_value, i.actual_unit,
                  (SELECT d.resolution_status FROM quality.qc_defects d
                   WHERE d.checklist_item_id = i.id
                   ORDER BY d.created_at DESC, d.defect_number DESC LIMIT 1) AS defect,
                  coalesce((SELECT array_agg(p.checksum_sha256 ORDER BY p.checksum_sha256)
                            FROM quality.qc_photos p WHERE p.checklist_item_id = i.id),
                           '{}') AS "photos!: Vec<Option<String>>",
                  (SELECT count(*) FROM files.document_relationships d
                   WHERE d.entity_type = 'QC_ITEM' AND d.entity_id = i.id) AS "documents!"
           FROM quality.qc_checklist_items i
           LEFT JOIN quality.qc_results r ON r.id = i.result_id
           WHERE i.checklist_id = $1
           ORDER BY i.item_number"#,
        checklist,
    )
    .fetch_all(&mut *conn)
    .await?;
    let defects = sqlx::query!(
        "SELECT defect_number, resolution_status FROM quality.qc_defects WHERE checklist_id = $1",
        checklist,
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut states = Vec::with_capacity(items.len());
    let mut contents = Vec::with_capacity(items.len());
    for item in items {
        let result = item.result.as_deref().map(ItemResult::parse).transpose()?;
        let reading = match (item.actual_value, item.actual_unit.as_deref()) {
            (Some(value), Some(unit)) => Some(Reading {
                value,
                unit: Unit::parse(unit)?,
            }),
            _ => None,
        };
        let photos: Vec<String> = item.photos.into_iter().flatten().collect();
        contents.push(QcItemContent {
            number: item.item_number,
            description: item.description,
            result: result.map_or("-", DbEnum::as_db_str).to_owned(),
            reading: reading.map_or_else(
                || "-".to_owned(),
                |reading| format!("{} {}", reading.value.normalize(), reading.unit.as_db_str()),
            ),
            photos: photos.clone(),
        });
        states.push(ItemState {
            number: item.item_number,
            required: item.is_required,
            item_type: QcItemType::parse(&item.item_type)?,
            spec: stored_spec(
                item.nominal_value,
                item.tolerance_kind,
                (item.tolerance_plus, item.tolerance_minus),
                item.measurement_unit,
            )?,
            photo_required: item.photo_required,
            photos: photos.len(),
            document_required: item.document_required,
            documents: usize::try_from(item.documents).unwrap_or(usize::MAX),
            result,
            reading,
            defect: item
                .defect
                .as_deref()
                .map(DefectStatus::parse)
                .transpose()?,
        });
    }
    let defects: Vec<(String, String)> = defects
        .into_iter()
        .map(|defect| (defect.defect_number, defect.resolution_status))
        .collect();
    let content = Content::qc_checklist(
        &head.build_number,
        &head.phase,
        head.round,
        &contents,
        &defects,
    );
    Ok(Standing {
        states,
        content: content.hash(),
    })
}

/// Locks the checklist and checks the version the signer saw.
async fn lock(
    conn: &mut PgConnection,
    checklist: Uuid,
    seen: i32,
) -> Result<(QcStatus, bool, Option<Uuid>), AppError> {
    let row = sqlx::query!(
        r#"SELECT status::text AS "status!", row_version, review_required, reviewed_by
           FROM quality.qc_checklists WHERE id = $1 FOR UPDATE"#,
        checklist,
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    if row.row_version != seen {
        return Err(AppError::invalid(
            "password",
            "Something was recorded on this checklist since you opened it: look it over again, then sign.",
        ));
    }
    Ok((
        QcStatus::parse(&row.status)?,
        row.review_required,
        row.reviewed_by,
    ))
}

/// Signs the checklist off as its inspector; the status signed.
pub async fn sign_off(
    conn: &mut PgConnection,
    signer: Uuid,
    (checklist, seen): (Uuid, i32),
    now: DateTime<Utc>,
) -> Result<QcStatus, AppError> {
    let (status, _, _) = lock(conn, checklist, seen).await?;
    if !matches!(status, QcStatus::Pending | QcStatus::InProgress) {
        return Err(AppError::invalid(
            "password",
            "This checklist is already signed.",
        ));
    }
    let standing = standing(conn, checklist).await?;
    let outcome = outcome(&standing.states);
    let Some(signed) = outcome.signed_status() else {
        let missing = match outcome {
            Outcome::Incomplete { missing } => missing,
            _ => Vec::new(),
        };
        let items: Vec<String> = standing
            .states
            .iter()
            .filter(|state| missing.contains(&state.number))
            .filter_map(|state| {
                let lack = state.lacks()?;
                Some(format!("item {}: {}", state.number, lack.describe()))
            })
            .collect();
        return Err(AppError::invalid(
            "password",
            format!(
                "Record every required item first (still to do: {}).",
                items.join(", ")
            ),
        ));
    };
    let passed = standing
        .states
        .iter()
        .filter(|state| state.result == Some(ItemResult::Pass))
        .count();
    let judged = standing
        .states
        .iter()
        .filter(|state| matches!(state.result, Some(ItemResult::Pass | ItemResult::Fail)))
        .count();
    let share = (judged > 0)
        .then(|| rust_decimal::Decimal::from(passed * 100) / rust_decimal::Decimal::from(judged));
    let version = sqlx::query_scalar!(
        "UPDATE quality.qc_checklists
         SET status = $2::text::qc_status, overall_result = $2::text::qc_status, completed_at = $3,
             pass_percentage = round($4, 2), row_version = row_version + 1, updated_at = $3
         WHERE id = $1
         RETURNING row_version",
        checklist,
        signed.as_db_str(),
        now,
        share,
    )
    .fetch_one(&mut *conn)
    .await?;
    let record = SignedRecord {
        kind: RecordKind::QcChecklist,
        id: checklist,
        version,
    };
    store::record(
        conn,
        signer,
        Meaning::Performed,
        record,
        &standing.content,
        Duties::Separate,
    )
    .await?;
    Ok(signed)
}

/// Reviews a passed sign-off as a second person.
pub async fn review(
    conn: &mut PgConnection,
    reviewer: Uuid,
    (checklist, seen): (Uuid, i32),
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (status, review_required, reviewed_by) = lock(conn, checklist, seen).await?;
    if !status.is_passed() || !review_required || reviewed_by.is_some() {
        return Err(AppError::invalid(
            "password",
            "Only a passed sign-off that asks for a review, and has none yet, is reviewed.",
        ));
    }
    let inspector = sqlx::query_scalar!(
        "SELECT signer_id FROM audit.signatures
         WHERE record_kind = 'QC_CHECKLIST' AND record_id = $1 AND meaning = 'PERFORMED'
         ORDER BY seq DESC LIMIT 1",
        checklist,
    )
    .fetch_optional(&mut *conn)
    .await?;
    if inspector == Some(reviewer) {
        return Err(AppError::invalid(
            "password",
            "You signed this checklist off: a second person reviews it.",
        ));
    }
    let standing = standing(conn, checklist).await?;
    let version = sqlx::query_scalar!(
        "UPDATE quality.qc_checklists
         SET reviewed_by = $2, reviewed_at = $3, row_version = row_version + 1, updated_at = $3
         WHERE id = $1
         RETURNING row_version",
        checklist,
        reviewer,
        now,
    )
    .fetch_one(&mut *conn)
    .await?;
    let record = SignedRecord {
        kind: RecordKind::QcChecklist,
        id: checklist,
        version,
    };
    store::record(
        conn,
        reviewer,
        Meaning::Reviewed,
        record,
        &standing.content,
        Duties::Separate,
    )
    .await?;
    Ok(())
}
