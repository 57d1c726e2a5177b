//! Writes for one part's catalogue data: create or update from a validated
//! spec, in the caller's transaction so the change and its audit rows
//! commit together. Stock and substitute changes are in `stock_changes`.

use std::collections::HashMap;

use sqlx::{PgConnection, Postgres, Transaction};
use torvan::FieldError;
use torvan::part_spec::PartSpec;
use torvan::{DbEnum, PartNumber};
use uuid::Uuid;

use crate::error::AppError;

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
        let places: Vec<(String, Uuid)> = sqlx::query_as(
            "SELECT c.code || ' > ' || a.part_number || ' > ' || sa.part_number, sa.id
             FROM inventory.sub_assemblies sa
             JOIN inventory.assemblies a ON a.id = sa.assembly_id
             JOIN inventory.categories c ON c.id = a.category_id",
        )
        .fetch_all(&mut *conn)
        .await?;
        let vendors: Vec<(String, Uuid)> = sqlx::query_as("SELECT code, id FROM inventory.vendors")
            .fetch_all(&mut *conn)
            .await?;
        let parts: Vec<(String, Uuid)> = sqlx::query_as(
            "SELECT part_number, id FROM inventory.parts WHERE part_number = ANY($1)",
        )
        .bind(part_numbers)
        .fetch_all(&mut *conn)
        .await?;
        Ok(Self {
            places: places.into_iter().collect(),
            vendors: vendors.into_iter().collect(),
            parts: parts.into_iter().collect(),
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

const COLUMNS: &str = "part_number, name, description, sub_assembly_id, part_type, unit_of_measure,
    make_or_buy, status, replacement_part_id, reorder_point, reorder_quantity, safety_stock,
    minimum_order_quantity, order_multiple, lead_time_days, standard_cost, primary_vendor_id,
    vendor_part_number, material, finish, lot_control, serial_control";
const VALUES: &str =
    "$1, $2, $3, $4, $5, $6::unit_of_measure, $7, $8::part_status, $9, $10, $11, $12,
    $13, $14, $15, $16, $17, $18, $19, $20, $21, $22";

/// Creates the part, or updates the part numbered `existing`; a row whose
/// values are all unchanged is not written (no audit noise on re-imports).
pub async fn write(
    conn: &mut PgConnection,
    existing: Option<&str>,
    spec: &PartSpec,
    refs: Refs,
    user_id: Uuid,
    custom: bool,
) -> Result<Written, AppError> {
    let sql = match existing {
        None => format!(
            "INSERT INTO inventory.parts ({COLUMNS}, created_by, is_custom_part, last_cost_update)
             VALUES ({VALUES}, $23, $24, CASE WHEN $16::numeric IS NULL THEN NULL ELSE now() END)
             RETURNING 'created'"
        ),
        Some(_) => format!(
            "UPDATE inventory.parts SET ({COLUMNS}) = ({VALUES}),
                 last_cost_update = CASE WHEN standard_cost IS DISTINCT FROM $16 THEN now()
                                         ELSE last_cost_update END
             WHERE part_number = $25 AND ({COLUMNS}) IS DISTINCT FROM ({VALUES})
             RETURNING 'updated'"
        ),
    };
    let result = sqlx::query_scalar::<_, String>(&sql)
        .bind(spec.part_number.as_str())
        .bind(&spec.name)
        .bind(&spec.description)
        .bind(refs.sub_assembly_id)
        .bind(&spec.part_type)
        .bind(spec.unit_of_measure.as_db_str())
        .bind(spec.make_or_buy.as_db_str())
        .bind(spec.status.as_db_str())
        .bind(refs.replacement_id)
        .bind(spec.reorder_point)
        .bind(spec.reorder_quantity)
        .bind(spec.safety_stock)
        .bind(spec.minimum_order_quantity)
        .bind(spec.order_multiple)
        .bind(spec.lead_time_days)
        .bind(spec.standard_cost)
        .bind(refs.vendor_id)
        .bind(&spec.vendor_part_number)
        .bind(&spec.material)
        .bind(&spec.finish)
        .bind(spec.lot_control)
        .bind(spec.serial_control)
        .bind(user_id)
        .bind(custom)
        .bind(existing)
        .fetch_optional(&mut *conn)
        .await
        .map_err(|error| constraint_message(error, spec))?;
    match (result, existing) {
        (Some(_), None) => Ok(Written::Created),
        (Some(_), Some(_)) => Ok(Written::Updated),
        (None, Some(number)) => {
            let exists: bool = sqlx::query_scalar(
                "SELECT EXISTS (SELECT 1 FROM inventory.parts WHERE part_number = $1)",
            )
            .bind(number)
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
    let constraint = error
        .as_database_error()
        .and_then(|db| db.constraint().map(str::to_owned));
    match constraint.as_deref() {
        Some("parts_part_number_key") => AppError::invalid(
            "part_number",
            format!("Part number {} is already in use.", spec.part_number),
        ),
        Some("parts_no_self_replacement") => {
            AppError::invalid("replacement_part_number", "A part cannot replace itself.")
        }
        _ => error.into(),
    }
}

/// Saves a part from its form: creates it when `original` is None (a
/// 700-series part when `custom`).
pub async fn save(
    tx: &mut Transaction<'_, Postgres>,
    original: Option<&str>,
    spec: &PartSpec,
    user_id: Uuid,
    custom: bool,
) -> Result<String, AppError> {
    let original = original
        .map(|number| PartNumber::parse(number).map_err(|_| AppError::NotFound))
        .transpose()?;
    let numbers: Vec<String> = spec
        .replacement_part_number
        .iter()
        .map(ToString::to_string)
        .collect();
    let refs = Lookup::load(tx, &numbers).await?.resolve(spec)?;
    write(
        tx,
        original.as_ref().map(PartNumber::as_str),
        spec,
        refs,
        user_id,
        custom,
    )
    .await?;
    Ok(spec.part_number.to_string())
}
