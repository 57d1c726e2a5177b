//! Recording one item's result: the one write behind the capture screen's
//! Pass, Fail and measured value. The tablet makes the capture's id, so a
//! capture sent again (the answer lost on the shop's Wi-Fi, the offline
//! queue replaying) finds its row and writes nothing: `qc_results.id` is
//! the primary key. The item and its checklist are locked first, so two
//! tablets recording the same item are applied one after the other, and a
//! checklist signed meanwhile refuses the late capture instead of changing
//! what was signed.
//!
//! A measurement's result is the domain's judgement of its reading against
//! the item's tolerance (`torvan::quality::record_check`): the inspector
//! cannot pass a value that is out of tolerance. A failed item opens a
//! defect (`defects::open_for_item`); a failed item recorded again as
//! passed in the same round (a misread value) closes the defect it opened
//! while nobody has worked on it.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::quality::{
    ItemResult, ItemState, Judgement, QcItemType, QcStatus, Spec, SpecParts, Unit, judge,
    parse_reading, record_check,
};
use uuid::Uuid;

use super::defects;
use super::model::{COMMENT_LIMIT, Recorded};
use crate::error::AppError;

/// What the inspector recorded, as the tablet sent it.
#[derive(Debug, Clone)]
pub struct Capture<'a> {
    /// Made by the tablet.
    pub id: Uuid,
    pub item_id: Uuid,
    pub result: Option<ItemResult>,
    /// The value typed, for a measurement.
    pub value: Option<&'a str>,
    pub unit: Option<Unit>,
    pub comment: Option<&'a str>,
}

/// Records `capture` as `user` at `now`; the result recorded.
pub async fn record(
    conn: &mut PgConnection,
    user: Uuid,
    capture: &Capture<'_>,
    now: DateTime<Utc>,
) -> Result<Recorded, AppError> {
    if let Some(replayed) = sqlx::query!(
        "SELECT r.item_id, r.result, c.row_version
         FROM quality.qc_results r
         JOIN quality.qc_checklist_items i ON i.id = r.item_id
         JOIN quality.qc_checklists c ON c.id = i.checklist_id
         WHERE r.id = $1",
        capture.id
    )
    .fetch_optional(&mut *conn)
    .await?
    {
        if replayed.item_id != capture.item_id {
            return Err(AppError::invalid(
                "result",
                "This capture was already recorded for another item.",
            ));
        }
        return Ok(Recorded {
            result: ItemResult::parse(&replayed.result)?,
            row_version: replayed.row_version,
        });
    }
    let comment = capture
        .comment
        .map(str::trim)
        .filter(|comment| !comment.is_empty());
    if comment.is_some_and(|comment| comment.chars().count() > COMMENT_LIMIT) {
        return Err(AppError::invalid(
            "comment",
            format!("A comment is at most {COMMENT_LIMIT} characters."),
        ));
    }
    let item = sqlx::query!(
        r#"SELECT i.checklist_id, i.item_number, i.item_type::text AS "item_type!", i.is_required,
                  i.photo_required, i.document_required, i.round, i.nominal_value,
                  i.tolerance_kind, i.tolerance_plus, i.tolerance_minus, i.measurement_unit,
                  i.status::text AS "item_status!",
                  c.status::text AS "status!", c.round AS checklist_round,
                  (SELECT count(*) FROM quality.qc_photos p
                   WHERE p.checklist_item_id = i.id) AS "photos!",
                  (SELECT count(*) FROM files.document_relationships d
                   WHERE d.entity_type = 'QC_ITEM' AND d.entity_id = i.id) AS "documents!"
           FROM quality.qc_checklist_items i
           JOIN quality.qc_checklists c ON c.id = i.checklist_id
           WHERE i.id = $1
           FOR UPDATE OF c, i"#,
        capture.item_id,
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let status = QcStatus::parse(&item.status)?;
    if !status.is_open() {
        return Err(AppError::invalid(
            "result",
            "This checklist is signed: nothing more can be recorded on it.",
        ));
    }
    if item.round != item.checklist_round {
        return Err(AppError::invalid(
            "result",
            "This item passed in an earlier round: only the items that failed are inspected again.",
        ));
    }
    let item_type = QcItemType::parse(&item.item_type)?;
    let spec = stored_spec(
        item.nominal_value,
        item.tolerance_kind,
        (item.tolerance_plus, item.tolerance_minus),
        item.measurement_unit,
    )?;
    let reading = match (capture.value.map(str::trim), spec) {
        (Some(text), Some(spec)) if !text.is_empty() => Some(
            parse_reading(text, capture.unit.unwrap_or(spec.unit()))
                .map_err(|message| AppError::invalid("value", message))?,
        ),
        _ => None,
    };
    let state = ItemState {
        number: item.item_number,
        required: item.is_required,
        item_type,
        spec,
        photo_required: item.photo_required,
        photos: usize::try_from(item.photos).unwrap_or(usize::MAX),
        document_required: item.document_required,
        documents: usize::try_from(item.documents).unwrap_or(usize::MAX),
        result: None,
        reading: None,
        defect: None,
    };
    // "Save value" sends no verdict: the reading's judgement is the result.
    let asked = match (capture.result, spec, reading) {
        (Some(result), _, _) => result,
        (None, Some(spec), Some(reading)) => match judge(&spec, &reading) {
            Ok(Judgement::Fail { .. }) => ItemResult::Fail,
            _ => ItemResult::Pass,
        },
        (None, Some(_), None) => {
            return Err(AppError::invalid("value", "Enter the value you measured."));
        }
        (None, None, _) => {
            return Err(AppError::invalid("result", "Choose pass or fail."));
        }
    };
    let result = record_check(&state, asked, reading.as_ref()).map_err(|refusal| {
        // The domain calls the value a reading; the screen's field is `value`.
        let field = if refusal.field == "reading" {
            "value"
        } else {
            refusal.field.as_str()
        };
        AppError::invalid(field, refusal.message)
    })?;
    sqlx::query!(
        "INSERT INTO quality.qc_results
             (id, item_id, round, result, value, unit, comment, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        capture.id,
        capture.item_id,
        item.round,
        result.as_db_str(),
        reading.map(|reading| reading.value),
        reading.map(|reading| reading.unit.as_db_str()),
        comment,
        user,
        now,
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "UPDATE quality.qc_checklist_items
         SET status = $2::text::qc_status, result_id = $3, actual_value = $4, actual_unit = $5,
             measured_at = $6, measured_by = $7,
             inspector_comments = coalesce($8, inspector_comments)
         WHERE id = $1",
        capture.item_id,
        item_status(result).as_db_str(),
        capture.id,
        reading.map(|reading| reading.value),
        reading.map(|reading| reading.unit.as_db_str()),
        now,
        user,
        comment,
    )
    .execute(&mut *conn)
    .await?;
    let row_version = sqlx::query_scalar!(
        "UPDATE quality.qc_checklists
         SET status = $3::text::qc_status, started_at = coalesce(started_at, $2),
             row_version = row_version + 1, updated_at = $2
         WHERE id = $1
         RETURNING row_version",
        item.checklist_id,
        now,
        status.with_a_result().as_db_str(),
    )
    .fetch_one(&mut *conn)
    .await?;
    match result {
        ItemResult::Fail => {
            defects::open_for_item(conn, user, capture.item_id, now).await?;
        }
        ItemResult::Pass | ItemResult::NotApplicable => {
            defects::close_misread(conn, user, capture.item_id, now).await?;
        }
    }
    Ok(Recorded {
        result,
        row_version,
    })
}

/// The item's status column for a result: a not-applicable item is done
/// (its result row says why), as a passed one.
pub fn item_status(result: ItemResult) -> QcStatus {
    match result {
        ItemResult::Pass | ItemResult::NotApplicable => QcStatus::Passed,
        ItemResult::Fail => QcStatus::Failed,
    }
}

/// The spec an item's columns hold, `None` for an item with no tolerance.
pub fn stored_spec(
    nominal: Option<rust_decimal::Decimal>,
    kind: Option<String>,
    (plus, minus): (Option<rust_decimal::Decimal>, Option<rust_decimal::Decimal>),
    unit: Option<String>,
) -> Result<Option<Spec>, AppError> {
    let Some(kind) = kind else {
        return Ok(None);
    };
    let parts = SpecParts {
        nominal,
        tolerance_kind: kind,
        tolerance_plus: plus,
        tolerance_minus: minus,
        unit: unit.unwrap_or_default(),
    };
    Spec::from_parts(&parts).map(Some).map_err(|error| {
        tracing::error!(?error, "a stored checklist item's tolerance does not read");
        AppError::Internal
    })
}
