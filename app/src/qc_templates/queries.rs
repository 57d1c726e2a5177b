//! QC templates as the pages read them, on the connection the caller
//! gives. A template's text comes from `quality::templates::stored`, the
//! reader checklist generation uses, so the editor edits exactly what is
//! in force.

use sqlx::PgConnection;
use torvan::quality::{ChecklistItemDraft, ChecklistTemplateDraft, QcPhase};
use torvan::{BuildNumber, DbEnum};

use super::model::{QcTemplateEditor, QcTemplateSummary, SavedTemplate};
use crate::error::AppError;
use crate::quality::templates::stored;

/// Every configurable family with its template in force for each phase,
/// if any, pre-QC first.
pub async fn list(conn: &mut PgConnection) -> Result<Vec<QcTemplateSummary>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT f.code, f.name, p.phase::text AS "phase!", t.version AS "version?",
                  t.created_at AS "saved_at?", t.review_required AS "review_required?",
                  u.first_name || ' ' || u.last_name AS "saved_by?",
                  (SELECT count(*) FROM quality.checklist_template_items i
                   WHERE i.template_id = t.id) AS "items!"
           FROM products.sink_families f
           CROSS JOIN unnest(enum_range(NULL::qc_phase)) AS p(phase)
           LEFT JOIN quality.checklist_templates t
                  ON t.sink_family_id = f.id AND t.phase = p.phase
                 AND t.version = (SELECT max(version) FROM quality.checklist_templates
                                  WHERE sink_family_id = f.id AND phase = p.phase)
           LEFT JOIN auth.users u ON u.id = t.created_by
           WHERE f.is_active AND f.is_configurable
           ORDER BY f.name, p.phase"#
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            let phase = QcPhase::parse(&row.phase).map_err(|error| {
                tracing::error!(%error, "stored QC phase");
                AppError::Internal
            })?;
            let saved = match (row.version, row.saved_at) {
                (Some(version), Some(at)) => Some(SavedTemplate {
                    version,
                    items: row.items,
                    review_required: row.review_required.unwrap_or_default(),
                    by: row.saved_by.unwrap_or_default(),
                    at,
                }),
                _ => None,
            };
            Ok(QcTemplateSummary {
                family_code: row.code,
                family: row.name,
                phase,
                saved,
            })
        })
        .collect()
}

/// The editor for `family`'s `phase` template: the one in force, or, when
/// it has none, a copy of `copy_from`'s for the same phase (or one empty
/// item) to start from.
pub async fn editor(
    conn: &mut PgConnection,
    family: &str,
    phase: QcPhase,
    copy_from: Option<&str>,
) -> Result<QcTemplateEditor, AppError> {
    let family_options = crate::orders::sinks::queries::family(conn, family)
        .await
        .map_err(|_| AppError::NotFound)?;
    let own_id = family_id(conn, family).await?;
    let own = stored(conn, own_id, phase).await?;
    let version = own.as_ref().map_or(0, |own| own.version);
    let draft = match (own, copy_from) {
        (Some(own), _) => own.draft,
        (None, Some(other)) => {
            let other_id = family_id(conn, other).await?;
            stored(conn, other_id, phase)
                .await?
                .map(|other| other.draft)
                .ok_or(AppError::NotFound)?
        }
        (None, None) => ChecklistTemplateDraft {
            items: vec![ChecklistItemDraft {
                required: true,
                ..ChecklistItemDraft::default()
            }],
            ..ChecklistTemplateDraft::default()
        },
    };
    let builds = sqlx::query_scalar!(
        "SELECT b.build_number FROM orders.sink_builds b
         JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
         JOIN products.sink_families f ON f.id = c.sink_family_id
         JOIN orders.boms bom ON bom.configuration_id = c.id AND bom.status = 'APPROVED'
         WHERE f.code = $1 AND bom.configuration_snapshot IS NOT NULL
         ORDER BY b.build_number DESC
         LIMIT 100",
        family
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|number| stored_build_number(&number))
    .collect::<Result<_, _>>()?;
    Ok(QcTemplateEditor {
        family_code: family_options.code.clone(),
        family: family_options.name.clone(),
        phase,
        version,
        draft,
        family_options,
        builds,
    })
}

/// The id of the active family `code`; `NotFound` for any other.
async fn family_id(conn: &mut PgConnection, code: &str) -> Result<uuid::Uuid, AppError> {
    sqlx::query_scalar!(
        "SELECT id FROM products.sink_families WHERE code = $1 AND is_active",
        code
    )
    .fetch_optional(conn)
    .await?
    .ok_or(AppError::NotFound)
}

fn stored_build_number(text: &str) -> Result<BuildNumber, AppError> {
    BuildNumber::parse(text).map_err(|error| {
        tracing::error!(%error, "stored build number");
        AppError::Internal
    })
}
