//! Checklists for an order's builds, written in the transaction that moves
//! the order into pre-QC or final QC. Each build (one sink unit) gets the
//! items its family's template in force plans for the configuration its
//! approved BOM was generated from (the BOM's snapshot, as its tasks), and
//! is given to the QC inspector with the fewest open checklists.
//!
//! A build has one checklist per phase (UNIQUE(build_id, phase)). Entering
//! the phase again after rework leaves a passed checklist alone and opens a
//! new round of a failed one in which only the failed items are inspected
//! again; every other item keeps the result it had.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use sqlx::PgConnection;
use torvan::quality::{PlannedItem, QcPhase, QcStatus, plan_checklist};
use torvan::rule_language::Value;
use torvan::{BuildNumber, DbEnum};
use uuid::Uuid;

use super::templates::{TemplateInForce, in_force};
use crate::error::AppError;

/// Makes or reopens the `phase` checklist of every build of the order;
/// returns how many it made.
pub async fn for_order(
    conn: &mut PgConnection,
    user_id: Uuid,
    order_id: Uuid,
    phase: QcPhase,
) -> Result<usize, AppError> {
    let builds = sqlx::query!(
        r#"SELECT b.id, b.build_number, f.id AS family_id, f.code AS family,
                  bom.configuration_snapshot AS "snapshot?",
                  q.id AS "checklist?", q.status::text AS "status?"
           FROM orders.sink_builds b
           JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
           JOIN products.sink_families f ON f.id = c.sink_family_id
           LEFT JOIN orders.boms bom ON bom.configuration_id = c.id AND bom.status = 'APPROVED'
           LEFT JOIN quality.qc_checklists q
                  ON q.build_id = b.id AND q.phase = $2::text::qc_phase
           WHERE c.order_id = $1
           ORDER BY b.build_number"#,
        order_id,
        phase.as_db_str(),
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut templates: BTreeMap<Uuid, TemplateInForce> = BTreeMap::new();
    let mut made = 0;
    for build in builds {
        let number = stored_build_number(&build.build_number)?;
        if let Some(checklist) = build.checklist {
            if build.status.as_deref() == Some(QcStatus::Failed.as_db_str()) {
                reopen_failed(conn, checklist).await?;
            }
            continue;
        }
        let template = match templates.entry(build.family_id) {
            Entry::Occupied(known) => known.into_mut(),
            Entry::Vacant(first) => {
                let template = in_force(conn, build.family_id, phase).await?.ok_or_else(|| {
                    AppError::invalid(
                        "to",
                        format!(
                            "The {} family has no {} checklist yet: an administrator writes one first.",
                            build.family,
                            phase.label()
                        ),
                    )
                })?;
                first.insert(template)
            }
        };
        let vars = snapshot(build.snapshot, &number)?;
        let items = plan_checklist(&template.template, &vars).map_err(|failure| {
            AppError::invalid(
                "to",
                format!(
                    "Build {number}: the {} {} checklist cannot be worked out ({failure}).",
                    build.family,
                    phase.label()
                ),
            )
        })?;
        let made_for = MadeFor {
            order_id,
            build_id: build.id,
            phase,
            created_by: user_id,
        };
        insert_checklist(conn, &made_for, template, &items).await?;
        made += 1;
    }
    Ok(made)
}

/// Who and what a new checklist is for.
struct MadeFor {
    order_id: Uuid,
    build_id: Uuid,
    phase: QcPhase,
    created_by: Uuid,
}

fn stored_build_number(text: &str) -> Result<BuildNumber, AppError> {
    BuildNumber::parse(text).map_err(|error| {
        tracing::error!(%error, "stored build number");
        AppError::Internal
    })
}

/// The configuration the build's approved BOM was generated from.
fn snapshot(
    snapshot: Option<serde_json::Value>,
    number: &BuildNumber,
) -> Result<BTreeMap<String, Value>, AppError> {
    snapshot
        .map(serde_json::from_value::<BTreeMap<String, Value>>)
        .transpose()
        .map_err(|error| {
            tracing::error!(%error, build = %number, "BOM configuration snapshot");
            AppError::Internal
        })?
        .ok_or_else(|| AppError::invalid("to", format!("Build {number} has no approved BOM.")))
}

async fn insert_checklist(
    conn: &mut PgConnection,
    made_for: &MadeFor,
    template: &TemplateInForce,
    items: &[PlannedItem],
) -> Result<(), AppError> {
    let checklist = sqlx::query_scalar!(
        "INSERT INTO quality.qc_checklists
             (order_id, build_id, phase, template_id, checklist_name, version, status,
              review_required, assigned_to, created_by)
         SELECT $1, $2, $3::text::qc_phase, $4, $5, $6, 'PENDING', $7,
                (SELECT u.id FROM auth.users u
                 WHERE u.role = 'QC_PERSON' AND u.status = 'ACTIVE'
                 ORDER BY (SELECT count(*) FROM quality.qc_checklists q
                           WHERE q.assigned_to = u.id AND q.status IN ('PENDING', 'IN_PROGRESS')),
                          u.last_name, u.id
                 LIMIT 1),
                $8
         RETURNING id",
        made_for.order_id,
        made_for.build_id,
        made_for.phase.as_db_str(),
        template.id,
        made_for.phase.label(),
        template.version.to_string(),
        template.review_required,
        made_for.created_by,
    )
    .fetch_one(&mut *conn)
    .await?;
    let mut columns = ItemColumns::default();
    for item in items {
        columns.add(item);
    }
    sqlx::query!(
        "INSERT INTO quality.qc_checklist_items
             (checklist_id, item_number, category, description, item_type, specification,
              nominal_value, tolerance_kind, tolerance_plus, tolerance_minus, measurement_unit,
              test_procedure, required_tools, photo_required, document_required,
              signature_required, is_required, status)
         SELECT $1, i.number, i.category, i.description, i.item_type::qc_item_type,
                nullif(i.specification, ''), i.nominal, nullif(i.kind, ''), i.plus, i.minus,
                nullif(i.unit, ''), nullif(i.procedure, ''),
                coalesce(array_remove(string_to_array(i.tools, E'\n'), ''), '{}'),
                i.photo, i.document, i.signature, i.required, 'PENDING'
         FROM UNNEST($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::numeric[],
                     $8::text[], $9::numeric[], $10::numeric[], $11::text[], $12::text[],
                     $13::text[], $14::bool[], $15::bool[], $16::bool[], $17::bool[])
              AS i(number, category, description, item_type, specification, nominal, kind, plus,
                   minus, unit, procedure, tools, photo, document, signature, required)",
        checklist,
        &columns.numbers,
        &columns.categories,
        &columns.descriptions,
        &columns.types,
        &columns.specifications,
        &columns.nominals as &[Option<rust_decimal::Decimal>],
        &columns.kinds,
        &columns.pluses as &[Option<rust_decimal::Decimal>],
        &columns.minuses as &[Option<rust_decimal::Decimal>],
        &columns.units,
        &columns.procedures,
        &columns.tools,
        &columns.photos,
        &columns.documents,
        &columns.signatures,
        &columns.required,
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The columns of the items to insert, one entry per item.
#[derive(Default)]
struct ItemColumns {
    numbers: Vec<i32>,
    categories: Vec<String>,
    descriptions: Vec<String>,
    types: Vec<String>,
    specifications: Vec<String>,
    nominals: Vec<Option<rust_decimal::Decimal>>,
    kinds: Vec<String>,
    pluses: Vec<Option<rust_decimal::Decimal>>,
    minuses: Vec<Option<rust_decimal::Decimal>>,
    units: Vec<String>,
    procedures: Vec<String>,
    tools: Vec<String>,
    photos: Vec<bool>,
    documents: Vec<bool>,
    signatures: Vec<bool>,
    required: Vec<bool>,
}

impl ItemColumns {
    fn add(&mut self, item: &PlannedItem) {
        let parts = item.spec.map(|spec| spec.parts());
        self.numbers.push(item.number);
        self.categories.push(item.category.clone());
        self.descriptions.push(item.description.clone());
        self.types.push(item.item_type.as_db_str().to_owned());
        self.specifications.push(item.specification.clone());
        self.nominals
            .push(parts.as_ref().and_then(|parts| parts.nominal));
        self.kinds.push(
            parts
                .as_ref()
                .map(|parts| parts.tolerance_kind.clone())
                .unwrap_or_default(),
        );
        self.pluses
            .push(parts.as_ref().and_then(|parts| parts.tolerance_plus));
        self.minuses
            .push(parts.as_ref().and_then(|parts| parts.tolerance_minus));
        self.units.push(
            parts
                .as_ref()
                .map(|parts| parts.unit.clone())
                .unwrap_or_default(),
        );
        self.procedures.push(item.procedure.clone());
        self.tools.push(item.tools.join("\n"));
        self.photos.push(item.photo_required);
        self.documents.push(item.document_required);
        self.signatures.push(item.signature_required);
        self.required.push(item.required);
    }
}

/// A new round of a failed checklist: the failed items reopen, the
/// checklist is under way again and needs a new sign-off.
async fn reopen_failed(conn: &mut PgConnection, checklist: Uuid) -> Result<(), AppError> {
    let round = sqlx::query_scalar!(
        "UPDATE quality.qc_checklists
         SET round = round + 1, status = 'IN_PROGRESS', completed_at = NULL,
             overall_result = NULL, reviewed_by = NULL, reviewed_at = NULL,
             row_version = row_version + 1, updated_at = now()
         WHERE id = $1
         RETURNING round",
        checklist,
    )
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query!(
        "UPDATE quality.qc_checklist_items
         SET round = $2, status = 'PENDING', result_id = NULL, actual_value = NULL,
             actual_unit = NULL, measured_at = NULL, measured_by = NULL, fail_reason = NULL
         WHERE checklist_id = $1 AND status = 'FAILED'",
        checklist,
        round,
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}
