//! Generating a BOM version for a sink configuration, in the caller's
//! transaction: the configuration's variables, the family template chosen
//! for them, its lines resolved, their parts read in one query, costed and
//! stored with their explanations. Any failure names the template line and
//! leaves nothing behind.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;
use sqlx::PgConnection;
use torvan::bom::{Bom, PartFacts, Template, cost, resolve, variables};
use torvan::rule_language::Value;
use torvan::sink::{FamilyOptions, SinkChoices};
use torvan::{DbEnum, UnitOfMeasure};
use uuid::Uuid;

use super::store::{self, Header};
use super::templates;
use crate::error::AppError;
use crate::orders::sinks::columns::to_choices;
use crate::orders::sinks::queries::{ConfigRow, family};

/// Which configuration the BOM is for, as its approval or a coordinator's
/// request read it.
pub struct Request<'a> {
    pub order_id: Uuid,
    pub configuration_id: Uuid,
    pub family: &'a FamilyOptions,
    pub choices: &'a SinkChoices,
    pub reason: &'a str,
}

/// A template worked out for one configuration, with the catalogue ids of
/// the parts its lines name.
pub struct Built {
    pub bom: Bom,
    pub part_ids: HashMap<String, Uuid>,
}

struct PartRow {
    id: Uuid,
    part_number: String,
    unit_cost: Decimal,
    weight: Option<Decimal>,
    unit_of_measure: String,
}

fn refused(message: String) -> AppError {
    AppError::invalid("bom", message)
}

pub fn configuration_variables(
    choices: &SinkChoices,
    family: &FamilyOptions,
) -> Result<BTreeMap<String, Value>, AppError> {
    variables(choices, family)
        .map_err(|error| refused(format!("This configuration cannot give a BOM: {error}.")))
}

/// Resolves the template's lines for the variables and costs them from the
/// catalogue; writes nothing.
pub async fn build(
    conn: &mut PgConnection,
    name: &str,
    template: &Template,
    vars: &BTreeMap<String, Value>,
) -> Result<Built, AppError> {
    let resolved = resolve(template, vars)
        .map_err(|failure| refused(format!("Template “{name}”, {failure}.")))?;
    let numbers: Vec<String> = resolved
        .iter()
        .filter_map(|line| line.part_number.clone())
        .collect();
    let parts = sqlx::query_as!(
        PartRow,
        r#"SELECT id, part_number,
                  coalesce(standard_cost, average_cost, last_cost, 0) AS "unit_cost!", weight,
                  coalesce(unit_of_measure, 'EACH')::text AS "unit_of_measure!"
           FROM inventory.parts WHERE part_number = ANY($1)"#,
        &numbers
    )
    .fetch_all(&mut *conn)
    .await?;
    let by_number: HashMap<&str, PartFacts> = parts
        .iter()
        .map(|part| {
            let unit = UnitOfMeasure::parse(&part.unit_of_measure)?;
            let facts = PartFacts {
                unit_cost: part.unit_cost,
                weight: part.weight,
                whole_units: unit.counted(),
            };
            Ok((part.part_number.as_str(), facts))
        })
        .collect::<Result<_, AppError>>()?;
    let bom = cost(resolved, &|number| by_number.get(number).copied())
        .map_err(|missing| refused(format!("Template “{name}”: {missing}.")))?;
    let part_ids = parts
        .iter()
        .map(|part| (part.part_number.clone(), part.id))
        .collect();
    Ok(Built { bom, part_ids })
}

/// Writes the next DRAFT version; returns its version number.
pub async fn generate(
    conn: &mut PgConnection,
    user_id: Uuid,
    request: Request<'_>,
) -> Result<i32, AppError> {
    let vars = configuration_variables(request.choices, request.family)?;
    let chosen = templates::choose(conn, &request.family.code, &vars).await?;
    let built = build(conn, &chosen.name, &chosen.template, &vars).await?;
    let header = Header {
        order_id: request.order_id,
        configuration_id: request.configuration_id,
        template_id: chosen.id,
        method: format!("{} v{}", chosen.name, chosen.version),
        snapshot: serde_json::to_value(&vars).map_err(|error| {
            tracing::error!(%error, "configuration snapshot");
            AppError::Internal
        })?,
        reason: request.reason,
        created_by: user_id,
    };
    let part_ids = |number: &str| built.part_ids.get(number).copied();
    store::insert(conn, &header, &built.bom, &part_ids).await
}

/// The next version for a configuration as `config` read it.
pub async fn for_configuration(
    conn: &mut PgConnection,
    user_id: Uuid,
    row: &ConfigRow,
    reason: &str,
) -> Result<i32, AppError> {
    let family = family(conn, &row.family).await?;
    let choices = to_choices(row.family.clone(), &row.columns);
    let request = Request {
        order_id: row.order_id,
        configuration_id: row.id,
        family: &family,
        choices: &choices,
        reason,
    };
    generate(conn, user_id, request).await
}
