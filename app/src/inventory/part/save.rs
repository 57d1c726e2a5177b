//! Writes for one part's catalogue data: create or update from a validated
//! spec, in the caller's transaction so the change and its audit rows
//! commit together. Stock changes are in `stock_changes`, substitutes in
//! `substitute_changes`.

use std::collections::HashMap;

use sqlx::PgConnection;
use torvan::part_spec::{PartDraft, PartSpec};
use torvan::{CustomCategory, DbEnum, FieldError, PartNumber};
use uuid::Uuid;

use crate::error::AppError;
use crate::inventory::{part_numbers, vendors};

/// The ids a spec's references name.
#[derive(Debug, Clone, Copy)]
pub struct Refs {
    pub sub_assembly_id: Option<Uuid>,
    pub vendor_id: Option<Uuid>,
    pub replacement_id: Option<Uuid>,
}

/// Sub-assemblies by hierarchy path, vendors by code and parts by number,
/// loaded once so a whole import resolves without a query per row.
pub struct Lookup {
    places: HashMap<String, Uuid>,
    vendors: HashMap<String, Uuid>,
    pub parts: HashMap<String, Uuid>,
}

impl Lookup {
    pub async fn load(
        conn: &mut PgConnection,
        part_numbers: &[String],
    ) -> Result<Self, sqlx::Error> {
        let places = sqlx::query!(
            r#"SELECT c.code || ' > ' || a.part_number || ' > ' || sa.part_number AS "path!", sa.id
               FROM inventory.sub_assemblies sa
               JOIN inventory.assemblies a ON a.id = sa.assembly_id
               JOIN inventory.categories c ON c.id = a.category_id"#
        )
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|row| (row.path, row.id))
        .collect();
        let vendors = vendors::all(conn)
            .await?
            .into_iter()
            .map(|vendor| (vendor.code, vendor.id))
            .collect();
        let parts = sqlx::query!(
            "SELECT part_number, id FROM inventory.parts WHERE part_number = ANY($1)",
            part_numbers,
        )
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|row| (row.part_number, row.id))
        .collect();
        Ok(Self {
            places,
            vendors,
            parts,
        })
    }

    /// The ids of a spec's place, vendor and replacement, or a message at
    /// each field that names something unknown.
    pub fn resolve(&self, spec: &PartSpec) -> Result<Refs, Vec<FieldError>> {
        let mut errors = Vec::new();
        let sub_assembly_id = spec.hierarchy.as_ref().and_then(|path| {
            let found = self.places.get(&path.to_string()).copied();
            if found.is_none() {
                errors.push(FieldError::new(
                    "hierarchy_path",
                    format!(
                        "No sub-assembly {} under {} > {}.",
                        path.sub_assembly, path.category_code, path.assembly
                    ),
                ));
            }
            found
        });
        let vendor_id = spec.vendor_code.as_ref().and_then(|code| {
            let found = self.vendors.get(&code.to_ascii_uppercase()).copied();
            if found.is_none() {
                errors.push(FieldError::new(
                    "vendor_code",
                    format!("No vendor has the code {code}."),
                ));
            }
            found
        });
        let replacement_id = spec.replacement_part_number.as_ref().and_then(|number| {
            let found = self.parts.get(number.as_str()).copied();
            if found.is_none() {
                errors.push(FieldError::new(
                    "replacement_part_number",
                    format!("No part has the number {number}."),
                ));
            }
            found
        });
        if errors.is_empty() {
            Ok(Refs {
                sub_assembly_id,
                vendor_id,
                replacement_id,
            })
        } else {
            Err(errors)
        }
    }
}

/// What `write` did to the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Created,
    Updated,
    Unchanged,
}

/// Creates the part (`existing` None), or updates the part numbered
/// `existing`; a row whose values are all unchanged is not written (no audit
/// noise on re-imports). One statement whose update and insert share their
/// values: the branch that does not apply touches no row.
pub async fn write(
    conn: &mut PgConnection,
    existing: Option<&str>,
    spec: &PartSpec,
    refs: Refs,
    user_id: Uuid,
    custom: bool,
) -> Result<Written, AppError> {
    let created = sqlx::query_scalar!(
        r#"WITH updated AS (
               UPDATE inventory.parts
               SET (part_number, name, description, sub_assembly_id, part_type, unit_of_measure,
                    make_or_buy, status, replacement_part_id, reorder_point, reorder_quantity,
                    safety_stock, minimum_order_quantity, order_multiple, lead_time_days,
                    standard_cost, primary_vendor_id, vendor_part_number, material, finish,
                    lot_control, serial_control)
                 = ($1, $2, $3, $4, $5, $6::text::unit_of_measure, $7, $8::text::part_status, $9,
                    $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22),
                   last_cost_update = CASE WHEN standard_cost IS DISTINCT FROM $16 THEN now()
                                           ELSE last_cost_update END
               WHERE part_number = $23
                 AND (part_number, name, description, sub_assembly_id, part_type, unit_of_measure,
                      make_or_buy, status, replacement_part_id, reorder_point, reorder_quantity,
                      safety_stock, minimum_order_quantity, order_multiple, lead_time_days,
                      standard_cost, primary_vendor_id, vendor_part_number, material, finish,
                      lot_control, serial_control)
                     IS DISTINCT FROM
                     ($1, $2, $3, $4, $5, $6::text::unit_of_measure, $7, $8::text::part_status, $9,
                      $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
               RETURNING false AS created),
           inserted AS (
               INSERT INTO inventory.parts
                   (part_number, name, description, sub_assembly_id, part_type, unit_of_measure,
                    make_or_buy, status, replacement_part_id, reorder_point, reorder_quantity,
                    safety_stock, minimum_order_quantity, order_multiple, lead_time_days,
                    standard_cost, primary_vendor_id, vendor_part_number, material, finish,
                    lot_control, serial_control, created_by, is_custom_part, last_cost_update)
               SELECT $1, $2, $3, $4, $5, $6::text::unit_of_measure, $7, $8::text::part_status, $9,
                      $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
                      $24::uuid, $25::boolean,
                      CASE WHEN $16::numeric IS NULL THEN NULL ELSE now() END
               WHERE $23::text IS NULL
               RETURNING true AS created)
           SELECT created AS "created!" FROM updated
           UNION ALL
           SELECT created FROM inserted"#,
        spec.part_number.as_str(),
        spec.name,
        spec.description,
        refs.sub_assembly_id,
        spec.part_type,
        spec.unit_of_measure.as_db_str(),
        spec.make_or_buy.as_db_str(),
        spec.status.as_db_str(),
        refs.replacement_id,
        spec.reorder_point,
        spec.reorder_quantity,
        spec.safety_stock,
        spec.minimum_order_quantity,
        spec.order_multiple,
        spec.lead_time_days,
        spec.standard_cost,
        refs.vendor_id,
        spec.vendor_part_number,
        spec.material,
        spec.finish,
        spec.lot_control,
        spec.serial_control,
        existing,
        user_id,
        custom,
    )
    .fetch_optional(&mut *conn)
    .await
    .map_err(|error| constraint_message(error, spec))?;
    match (created, existing) {
        (Some(true), _) => Ok(Written::Created),
        (Some(false), _) => Ok(Written::Updated),
        (None, Some(number)) => {
            let exists = sqlx::query_scalar!(
                r#"SELECT EXISTS (SELECT 1 FROM inventory.parts WHERE part_number = $1) AS "exists!""#,
                number,
            )
            .fetch_one(&mut *conn)
            .await?;
            if exists {
                Ok(Written::Unchanged)
            } else {
                Err(AppError::NotFound)
            }
        }
        (None, None) => Err(AppError::Internal),
    }
}

/// The database's own constraints, said at the field they concern.
fn constraint_message(error: sqlx::Error, spec: &PartSpec) -> AppError {
    AppError::from_constraint(error, |constraint| match constraint {
        "parts_part_number_key" => Some(AppError::invalid(
            "part_number",
            format!("Part number {} is already in use.", spec.part_number),
        )),
        "parts_no_self_replacement" => Some(AppError::invalid(
            "replacement_part_number",
            "A part cannot replace itself.",
        )),
        _ => None,
    })
}

/// Saves a part from its form: creates it when `original` is None, else
/// updates the part `original` names. Returns the part number saved.
pub async fn save(
    conn: &mut PgConnection,
    original: Option<&PartNumber>,
    spec: &PartSpec,
    user_id: Uuid,
) -> Result<String, AppError> {
    write_spec(conn, original, spec, user_id, false).await
}

/// Creates a 700-series part under the next number of `category`; the
/// number is drawn in the caller's transaction, so a refused draft leaves
/// no gap.
pub async fn create_custom(
    conn: &mut PgConnection,
    category: CustomCategory,
    draft: PartDraft,
    user_id: Uuid,
) -> Result<String, AppError> {
    let part_number = part_numbers::next_custom(conn, category).await?;
    let spec = PartDraft {
        part_number,
        ..draft
    }
    .validate()?;
    write_spec(conn, None, &spec, user_id, true).await
}

async fn write_spec(
    conn: &mut PgConnection,
    original: Option<&PartNumber>,
    spec: &PartSpec,
    user_id: Uuid,
    custom: bool,
) -> Result<String, AppError> {
    let numbers: Vec<String> = spec
        .replacement_part_number
        .iter()
        .map(ToString::to_string)
        .collect();
    let refs = Lookup::load(conn, &numbers).await?.resolve(spec)?;
    write(
        conn,
        original.map(PartNumber::as_str),
        spec,
        refs,
        user_id,
        custom,
    )
    .await?;
    Ok(spec.part_number.to_string())
}
