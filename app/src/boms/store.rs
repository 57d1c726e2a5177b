//! Writing a generated BOM: its header with the totals and the variables
//! it was generated from, then every line in one statement, parents first,
//! in the caller's transaction.

use rust_decimal::Decimal;
use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::bom::{Bom, BomStatus};
use uuid::Uuid;

use crate::error::AppError;

pub struct Header<'a> {
    pub order_id: Uuid,
    pub configuration_id: Uuid,
    pub template_id: Uuid,
    pub method: String,
    pub snapshot: serde_json::Value,
    pub reason: &'a str,
    pub created_by: Uuid,
}

/// Columns of all lines, bound as arrays.
#[derive(Default)]
struct Columns {
    ids: Vec<Uuid>,
    line_numbers: Vec<i32>,
    part_ids: Vec<Option<Uuid>>,
    parents: Vec<Option<Uuid>>,
    levels: Vec<i32>,
    sort_orders: Vec<i32>,
    per_assembly: Vec<Decimal>,
    required: Vec<Decimal>,
    scrap: Vec<Decimal>,
    unit_costs: Vec<Decimal>,
    weights: Vec<Option<Decimal>>,
    phantoms: Vec<bool>,
    whole_units: Vec<bool>,
    descriptions: Vec<String>,
    explanations: Vec<serde_json::Value>,
    route_steps: Vec<Option<String>>,
}

fn columns(bom: &Bom, part_id: &dyn Fn(&str) -> Option<Uuid>) -> Result<Columns, AppError> {
    let mut columns = Columns::default();
    let mut ids_by_line = std::collections::HashMap::new();
    for (order, line) in bom.lines.iter().enumerate() {
        let resolved = &line.resolved;
        let id = Uuid::new_v4();
        ids_by_line.insert(resolved.line_number, id);
        columns.ids.push(id);
        columns.line_numbers.push(resolved.line_number);
        columns
            .part_ids
            .push(resolved.part_number.as_deref().and_then(part_id));
        columns.parents.push(
            resolved
                .parent_line
                .and_then(|parent| ids_by_line.get(&parent).copied()),
        );
        columns.levels.push(i32::from(resolved.level));
        columns
            .sort_orders
            .push(i32::try_from(order).unwrap_or(i32::MAX));
        columns.per_assembly.push(resolved.quantity_per_assembly);
        columns.required.push(resolved.quantity_required);
        columns.scrap.push(resolved.scrap_factor);
        columns.unit_costs.push(line.unit_cost);
        columns.weights.push(line.weight);
        columns.phantoms.push(resolved.phantom);
        columns.whole_units.push(line.whole_units);
        columns.descriptions.push(resolved.description.clone());
        columns.route_steps.push(
            resolved
                .route_step
                .as_ref()
                .map(|step| step.as_str().to_owned()),
        );
        columns
            .explanations
            .push(
                serde_json::to_value(&resolved.explanation).map_err(|error| {
                    tracing::error!(%error, "BOM line explanation");
                    AppError::Internal
                })?,
            );
    }
    Ok(columns)
}

/// Inserts the next version for the configuration; the caller holds the
/// order's row lock, so versions are numbered one at a time.
pub async fn insert(
    conn: &mut PgConnection,
    header: &Header<'_>,
    bom: &Bom,
    part_id: &(dyn Fn(&str) -> Option<Uuid> + Sync),
) -> Result<i32, AppError> {
    let parts_count = i32::try_from(bom.totals.parts_count).unwrap_or(i32::MAX);
    let stored = sqlx::query!(
        "INSERT INTO orders.boms (order_id, configuration_id, template_id, version, bom_type,
             generated_from, generation_method, configuration_snapshot, total_parts_count,
             total_cost, total_weight, status, change_reason, created_by)
         VALUES ($1, $2, $3,
                 (SELECT coalesce(max(version), 0) + 1 FROM orders.boms WHERE configuration_id = $2),
                 'PRODUCTION', 'TEMPLATE', $4, $5, $6, $7, $8, $9, $10, $11)
         RETURNING id, version",
        header.order_id,
        header.configuration_id,
        header.template_id,
        &header.method,
        &header.snapshot,
        parts_count,
        bom.totals.cost,
        bom.totals.weight,
        BomStatus::Draft.as_db_str(),
        header.reason,
        header.created_by
    )
    .fetch_one(&mut *conn)
    .await?;
    let lines = columns(bom, part_id)?;
    // The arrays of optional values (`as _`) hold NULLs, which the macro's
    // check of array parameters does not allow for.
    sqlx::query!(
        "INSERT INTO orders.bom_items (id, bom_id, line_number, part_id, parent_item_id, level,
             sort_order, quantity_per_assembly, quantity_required, scrap_factor, unit_cost,
             unit_weight, is_phantom, is_whole_units, description, explanation, route_step)
         SELECT id, $1, line_number, part_id, parent_item_id, level, sort_order, per_assembly,
                required, scrap, unit_cost, unit_weight, phantom, whole_units, description,
                explanation, route_step
         FROM unnest($2::uuid[], $3::int[], $4::uuid[], $5::uuid[], $6::int[], $7::int[],
                     $8::numeric[], $9::numeric[], $10::numeric[], $11::numeric[], $12::numeric[],
                     $13::bool[], $14::bool[], $15::text[], $16::jsonb[], $17::text[])
              AS line(id, line_number, part_id, parent_item_id, level, sort_order, per_assembly,
                      required, scrap, unit_cost, unit_weight, phantom, whole_units, description,
                      explanation, route_step)
         ORDER BY sort_order",
        stored.id,
        &lines.ids,
        &lines.line_numbers,
        &lines.part_ids as _,
        &lines.parents as _,
        &lines.levels,
        &lines.sort_orders,
        &lines.per_assembly,
        &lines.required,
        &lines.scrap,
        &lines.unit_costs,
        &lines.weights as _,
        &lines.phantoms,
        &lines.whole_units,
        &lines.descriptions,
        &lines.explanations,
        &lines.route_steps as _
    )
    .execute(&mut *conn)
    .await?;
    Ok(stored.version)
}
