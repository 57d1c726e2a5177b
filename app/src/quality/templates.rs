//! The checklist template in force for a family and phase: its highest
//! version, as its text (`stored`, what the template editor edits) and read
//! back into the domain's checked `ChecklistTemplate` (`in_force`). What is
//! stored was checked when it was saved, so a stored template that no
//! longer reads is a defect of ours, logged and answered as one.

use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::quality::{ChecklistItemDraft, ChecklistTemplate, ChecklistTemplateDraft, QcPhase};
use uuid::Uuid;

use crate::error::AppError;

/// A template version with its checked items.
pub struct TemplateInForce {
    pub id: Uuid,
    pub version: i32,
    pub review_required: bool,
    pub template: ChecklistTemplate,
}

/// The template in force for `family_id` in `phase`, if the family has one.
pub async fn in_force(
    conn: &mut PgConnection,
    family_id: Uuid,
    phase: QcPhase,
) -> Result<Option<TemplateInForce>, AppError> {
    let Some(stored) = stored(conn, family_id, phase).await? else {
        return Ok(None);
    };
    let template = torvan::quality::read_template(&stored.draft).map_err(|problems| {
        tracing::error!(template = %stored.id, ?problems, "a stored checklist template does not read");
        AppError::Internal
    })?;
    Ok(Some(TemplateInForce {
        id: stored.id,
        version: stored.version,
        review_required: stored.draft.review_required,
        template,
    }))
}

/// A template version as its text, which the editor edits and `in_force`
/// reads back.
pub struct StoredTemplate {
    pub id: Uuid,
    pub version: i32,
    pub draft: ChecklistTemplateDraft,
}

/// The highest version of `family_id`'s `phase` template as its text, with
/// its numbers as typed (`1.5`, not `1.500000`).
pub async fn stored(
    conn: &mut PgConnection,
    family_id: Uuid,
    phase: QcPhase,
) -> Result<Option<StoredTemplate>, AppError> {
    let Some(head) = sqlx::query!(
        "SELECT id, version, review_required, coalesce(notes, '') AS \"notes!\"
         FROM quality.checklist_templates
         WHERE sink_family_id = $1 AND phase = $2::text::qc_phase
         ORDER BY version DESC LIMIT 1",
        family_id,
        phase.as_db_str(),
    )
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let items = sqlx::query!(
        r#"SELECT category, description, item_type::text AS "item_type!",
                  coalesce(specification, '') AS "specification!",
                  trim_scale(nominal_value)::text AS nominal,
                  coalesce(tolerance_kind, '') AS "tolerance_kind!",
                  trim_scale(tolerance_plus)::text AS plus,
                  trim_scale(tolerance_minus)::text AS minus,
                  coalesce(unit, '') AS "unit!", coalesce(test_procedure, '') AS "procedure!",
                  array_to_string(required_tools, E'\n') AS "tools!",
                  photo_required, document_required, signature_required, is_required,
                  coalesce(condition, '') AS "condition!", coalesce(repeat_formula, '') AS "repeat!"
           FROM quality.checklist_template_items
           WHERE template_id = $1 ORDER BY item_number"#,
        head.id,
    )
    .fetch_all(&mut *conn)
    .await?;
    let draft = ChecklistTemplateDraft {
        review_required: head.review_required,
        notes: head.notes,
        items: items
            .into_iter()
            .map(|item| ChecklistItemDraft {
                category: item.category,
                description: item.description,
                item_type: item.item_type,
                specification: item.specification,
                nominal: item.nominal.unwrap_or_default(),
                tolerance_kind: item.tolerance_kind,
                tolerance_plus: item.plus.unwrap_or_default(),
                tolerance_minus: item.minus.unwrap_or_default(),
                unit: item.unit,
                procedure: item.procedure,
                tools: item.tools,
                photo_required: item.photo_required,
                document_required: item.document_required,
                signature_required: item.signature_required,
                required: item.is_required,
                condition: item.condition,
                repeat: item.repeat,
            })
            .collect(),
    };
    Ok(Some(StoredTemplate {
        id: head.id,
        version: head.version,
        draft,
    }))
}
