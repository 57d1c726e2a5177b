//! Saving a QC template: the draft checked as the editor checks it (every
//! rule tried on the family's sample configurations), then written as the
//! family's next version for the phase, in the caller's transaction, so
//! the audit rows commit with it and a refusal writes nothing. A saved
//! version is never changed: the checklists made from it keep their items,
//! and the next build entering the phase gets the new one.

use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::quality::{
    ChecklistItemDraft, ChecklistTemplateDraft, QcPhase, TemplateItem, check_template,
};
use uuid::Uuid;

use crate::error::AppError;

/// Saves the draft as the family's next version for `phase`; returns that
/// version. `edited` is the version the draft was read from (0: none), and
/// a newer one in force is a conflict.
pub async fn save(
    conn: &mut PgConnection,
    user_id: Uuid,
    family_code: &str,
    phase: QcPhase,
    edited: i32,
    draft: &ChecklistTemplateDraft,
) -> Result<i32, AppError> {
    let family = crate::orders::sinks::queries::family(conn, family_code)
        .await
        .map_err(|_| AppError::NotFound)?;
    let template = check_template(draft, &family).map_err(AppError::InvalidFields)?;
    // The family's row lock numbers the versions one save at a time.
    let family_id = sqlx::query_scalar!(
        "SELECT id FROM products.sink_families WHERE code = $1 FOR UPDATE",
        family_code
    )
    .fetch_one(&mut *conn)
    .await?;
    let latest = sqlx::query_scalar!(
        r#"SELECT coalesce(max(version), 0) AS "version!" FROM quality.checklist_templates
           WHERE sink_family_id = $1 AND phase = $2::text::qc_phase"#,
        family_id,
        phase.as_db_str(),
    )
    .fetch_one(&mut *conn)
    .await?;
    if latest != edited {
        return Err(AppError::Conflict);
    }
    let version = latest + 1;
    let notes = template.notes();
    let template_id = sqlx::query_scalar!(
        "INSERT INTO quality.checklist_templates
             (sink_family_id, phase, version, review_required, notes, created_by)
         VALUES ($1, $2::text::qc_phase, $3, $4, $5, $6) RETURNING id",
        family_id,
        phase.as_db_str(),
        version,
        template.review_required(),
        (!notes.is_empty()).then_some(notes),
        user_id,
    )
    .fetch_one(&mut *conn)
    .await?;
    // The checked items are the draft's, in its order; the rules are
    // stored as typed, trimmed, and read back through the same check.
    for (index, (item, typed)) in template.items().iter().zip(&draft.items).enumerate() {
        let number =
            i32::try_from(index + 1).expect("a checked template has at most MAX_ITEMS items");
        insert_item(conn, template_id, number, item, typed).await?;
    }
    Ok(version)
}

async fn insert_item(
    conn: &mut PgConnection,
    template_id: Uuid,
    number: i32,
    item: &TemplateItem,
    typed: &ChecklistItemDraft,
) -> Result<(), AppError> {
    let parts = item.spec.map(|spec| spec.parts());
    let text = |value: &str| (!value.is_empty()).then(|| value.to_owned());
    let condition = typed.condition.trim();
    let repeat = typed.repeat.trim();
    sqlx::query!(
        "INSERT INTO quality.checklist_template_items
             (template_id, item_number, category, description, item_type, specification,
              nominal_value, tolerance_kind, tolerance_plus, tolerance_minus, unit,
              test_procedure, required_tools, photo_required, document_required,
              signature_required, is_required, condition, repeat_formula)
         VALUES ($1, $2, $3, $4, $5::text::qc_item_type, $6, $7, $8, $9, $10, $11, $12, $13,
                 $14, $15, $16, $17, $18, $19)",
        template_id,
        number,
        &item.category,
        &item.description,
        item.item_type.as_db_str(),
        text(&item.specification),
        parts.as_ref().and_then(|parts| parts.nominal),
        parts.as_ref().map(|parts| parts.tolerance_kind.clone()),
        parts.as_ref().and_then(|parts| parts.tolerance_plus),
        parts.as_ref().and_then(|parts| parts.tolerance_minus),
        parts.as_ref().map(|parts| parts.unit.clone()),
        text(&item.procedure),
        &item.tools,
        item.photo_required,
        item.document_required,
        item.signature_required,
        item.required,
        text(condition),
        text(repeat),
    )
    .execute(conn)
    .await?;
    Ok(())
}
