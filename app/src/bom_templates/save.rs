//! Saving a template: its fields and every line checked as the editor
//! checks them, every rule tried on the family's sample configurations,
//! fixed part numbers looked up in the catalogue, then the fields and all
//! lines rewritten under the next version number, in the caller's
//! transaction, so the audit rows commit with them and a refusal writes
//! nothing.

use std::collections::HashMap;

use rust_decimal::Decimal;
use sqlx::PgConnection;
use torvan::FieldError;
use torvan::bom::{
    PartSource, Quantity, Template, TemplateHeader, TemplateLineDraft, check_template, line_field,
    next_version,
};
use torvan::workflow::StepCode;
use uuid::Uuid;

use super::duplicate::name_taken;
use crate::error::AppError;
use crate::orders::sinks::queries::family;

/// Saves the template as its next version; returns the version number.
pub async fn save(
    conn: &mut PgConnection,
    id: Uuid,
    header: &TemplateHeader,
    lines: &[TemplateLineDraft],
) -> Result<String, AppError> {
    let mut errors = Vec::new();
    let priority = header.priority().unwrap_or_default();
    let family_code = super::queries::family_code(conn, id).await?;
    let family = family(conn, &family_code).await?;
    let template = check_template(header, lines, &family)
        .map_err(|problems| errors.extend(problems))
        .ok();
    let parts = catalogue_parts(conn, lines).await?;
    for line in lines {
        let number = line.part_number.trim().to_uppercase();
        if !number.is_empty() && !parts.contains_key(&number) {
            errors.push(FieldError::new(
                &line_field(line.line_number, "part_number"),
                format!("There is no part {number} in the catalogue."),
            ));
        }
    }
    errors.extend(unknown_steps(conn, &family_code, lines).await?);
    let (Some(template), true) = (template, errors.is_empty()) else {
        return Err(AppError::InvalidFields(errors));
    };
    let version = sqlx::query_scalar!(
        "SELECT version FROM products.bom_templates WHERE id = $1 FOR UPDATE",
        id
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let version = next_version(&version);
    sqlx::query!(
        "UPDATE products.bom_templates SET template_name = $2, configuration_rules = $3,
             priority = $4, is_active = $5, description = $6, version = $7
         WHERE id = $1",
        id,
        header.name.trim(),
        header.rule.trim(),
        priority,
        header.active,
        Some(header.description.trim()).filter(|text| !text.is_empty()),
        &version
    )
    .execute(&mut *conn)
    .await
    .map_err(|error| {
        name_taken(
            error,
            "Another template of this family already has this name and version.",
        )
    })?;
    sqlx::query!(
        "DELETE FROM products.bom_template_items WHERE template_id = $1",
        id
    )
    .execute(&mut *conn)
    .await?;
    insert_lines(conn, id, &template, lines, &parts).await?;
    Ok(version)
}

/// Lines naming a step the family's route in force does not have: checked
/// here, not in the browser, as the route is versioned apart from the
/// template.
async fn unknown_steps(
    conn: &mut PgConnection,
    family_code: &str,
    lines: &[TemplateLineDraft],
) -> Result<Vec<FieldError>, AppError> {
    let named: Vec<(i32, StepCode)> = lines
        .iter()
        .filter_map(|line| Some((line.line_number, StepCode::parse(&line.route_step).ok()?)))
        .collect();
    if named.is_empty() {
        return Ok(Vec::new());
    }
    let route = crate::work_routes::queries::in_force(conn, family_code).await?;
    Ok(named
        .into_iter()
        .filter(|(_, step)| {
            route
                .as_ref()
                .is_none_or(|route| !route.step_ids.contains_key(step))
        })
        .map(|(line_number, step)| {
            FieldError::new(
                &line_field(line_number, "route_step"),
                format!("The family's route has no step {step}."),
            )
        })
        .collect())
}

async fn catalogue_parts(
    conn: &mut PgConnection,
    lines: &[TemplateLineDraft],
) -> Result<HashMap<String, Uuid>, AppError> {
    let numbers: Vec<String> = lines
        .iter()
        .map(|line| line.part_number.trim().to_uppercase())
        .filter(|number| !number.is_empty())
        .collect();
    let rows = sqlx::query!(
        "SELECT part_number, id FROM inventory.parts WHERE part_number = ANY($1)",
        &numbers
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| (row.part_number, row.id))
        .collect())
}

/// Columns of all lines, bound as arrays for one insert.
#[derive(Default)]
struct Columns {
    ids: Vec<Uuid>,
    line_numbers: Vec<i32>,
    part_ids: Vec<Option<Uuid>>,
    patterns: Vec<Option<String>>,
    formulas: Vec<Option<String>>,
    bases: Vec<Decimal>,
    conditions: Vec<Option<String>>,
    parents: Vec<Option<Uuid>>,
    levels: Vec<i32>,
    scraps: Vec<Decimal>,
    phantoms: Vec<bool>,
    descriptions: Vec<Option<String>>,
    route_steps: Vec<Option<String>>,
}

/// Inserts every line in one statement; ids are made here, parents first,
/// so each child can name its parent.
async fn insert_lines(
    conn: &mut PgConnection,
    template_id: Uuid,
    template: &Template,
    drafts: &[TemplateLineDraft],
    parts: &HashMap<String, Uuid>,
) -> Result<(), AppError> {
    let bases: HashMap<i32, Decimal> = drafts
        .iter()
        .filter_map(|draft| Some((draft.line_number, draft.base_quantity.trim().parse().ok()?)))
        .collect();
    let mut ids: HashMap<i32, Uuid> = HashMap::new();
    let mut columns = Columns::default();
    for line in template.lines() {
        let id = Uuid::new_v4();
        ids.insert(line.line_number, id);
        let (part_id, pattern) = match &line.part {
            Some(PartSource::Fixed(number)) => (parts.get(number.as_str()).copied(), None),
            Some(PartSource::Pattern(pattern)) => (None, Some(pattern.text.clone())),
            None => (None, None),
        };
        columns.ids.push(id);
        columns.line_numbers.push(line.line_number);
        columns.part_ids.push(part_id);
        columns.patterns.push(pattern);
        columns.formulas.push(match &line.quantity {
            Quantity::Formula(formula) => Some(formula.text.clone()),
            Quantity::Fixed(_) => None,
        });
        columns.bases.push(
            bases
                .get(&line.line_number)
                .copied()
                .unwrap_or(Decimal::ONE),
        );
        columns.conditions.push(
            line.include
                .as_ref()
                .map(|condition| condition.text.clone()),
        );
        columns.parents.push(
            line.parent_line
                .and_then(|parent| ids.get(&parent).copied()),
        );
        columns.levels.push(i32::from(line.level));
        columns.scraps.push(line.scrap_factor);
        columns.phantoms.push(line.phantom);
        columns
            .descriptions
            .push(Some(line.description.trim().to_owned()).filter(|text| !text.is_empty()));
        columns.route_steps.push(
            line.route_step
                .as_ref()
                .map(|step| step.as_str().to_owned()),
        );
    }
    // The arrays of optional values (`as _`) hold NULLs, which the macro's
    // check of array parameters does not allow for.
    sqlx::query!(
        "INSERT INTO products.bom_template_items (id, template_id, line_number, part_id,
             part_number_pattern, quantity_formula, base_quantity, include_condition,
             parent_item_id, level, scrap_factor, is_phantom, description, route_step)
         SELECT id, $1, line_number, part_id, pattern, formula, base, condition, parent, level,
                scrap, phantom, description, route_step
         FROM unnest($2::uuid[], $3::int[], $4::uuid[], $5::text[], $6::text[], $7::numeric[],
                     $8::text[], $9::uuid[], $10::int[], $11::numeric[], $12::bool[], $13::text[],
                     $14::text[])
              AS line(id, line_number, part_id, pattern, formula, base, condition, parent, level,
                      scrap, phantom, description, route_step)",
        template_id,
        &columns.ids,
        &columns.line_numbers,
        &columns.part_ids as _,
        &columns.patterns as _,
        &columns.formulas as _,
        &columns.bases,
        &columns.conditions as _,
        &columns.parents as _,
        &columns.levels,
        &columns.scraps,
        &columns.phantoms,
        &columns.descriptions as _,
        &columns.route_steps as _
    )
    .execute(conn)
    .await?;
    Ok(())
}
