//! Checking and applying a parts file. Every row is parsed by the same
//! validation as the part form, then its references (place, vendor,
//! replacement) are resolved against the catalogue loaded once.

use std::collections::{HashMap, HashSet};

use sqlx::{PgConnection, Postgres, Transaction};
use torvan::FieldError;
use torvan::PartNumber;
use torvan::part_spec::{COLUMNS, PartDraft, PartSpec};
use uuid::Uuid;

use super::api::{ImportCheck, ImportOutcome, ImportRow, RowProblem, read_file};
use crate::error::AppError;
use crate::inventory::part::queries::drafts;
use crate::inventory::part::save::{Lookup, Refs, Written, write};

const REQUIRED: [&str; 2] = ["part_number", "name"];

fn problem(line: usize, error: FieldError) -> RowProblem {
    RowProblem {
        line,
        column: error.field,
        message: error.message,
    }
}

fn header_problems(header: &[String]) -> Vec<RowProblem> {
    let columns: Vec<String> = header
        .iter()
        .map(|column| column.trim().to_ascii_lowercase())
        .collect();
    let unknown = columns
        .iter()
        .filter(|column| !COLUMNS.contains(&column.as_str()))
        .map(|column| FieldError::new(column, "This column is not part of the parts file."));
    let missing = REQUIRED
        .iter()
        .filter(|required| !columns.iter().any(|column| column == *required))
        .map(|required| FieldError::new(required, "The header needs this column."));
    unknown
        .chain(missing)
        .map(|error| problem(1, error))
        .collect()
}

/// The rows that parsed, and the problems of those that did not.
struct Parsed {
    specs: Vec<(usize, PartSpec)>,
    problems: Vec<RowProblem>,
}

fn parse(header: &[String], rows: &[ImportRow]) -> Parsed {
    let mut parsed = Parsed {
        specs: Vec::new(),
        problems: header_problems(header),
    };
    if !parsed.problems.is_empty() {
        return parsed;
    }
    let mut first_line: HashMap<String, usize> = HashMap::new();
    for row in rows {
        let spec = PartDraft::from_record(header, &row.fields)
            .map_err(|error| vec![error])
            .and_then(|draft| draft.validate());
        match spec {
            Ok(spec) => {
                let number = spec.part_number.to_string();
                if let Some(line) = first_line.get(&number) {
                    parsed.problems.push(problem(
                        row.line,
                        FieldError::new(
                            "part_number",
                            format!("{number} is already on line {line}."),
                        ),
                    ));
                } else {
                    first_line.insert(number, row.line);
                    parsed.specs.push((row.line, spec));
                }
            }
            Err(errors) => parsed
                .problems
                .extend(errors.into_iter().map(|error| problem(row.line, error))),
        }
    }
    parsed
}

fn numbers(specs: &[(usize, PartSpec)]) -> Vec<String> {
    specs
        .iter()
        .flat_map(|(_, spec)| {
            [
                Some(&spec.part_number),
                spec.replacement_part_number.as_ref(),
            ]
        })
        .flatten()
        .map(ToString::to_string)
        .collect()
}

/// Resolves every row; a replacement may be a part new in this file.
fn resolve(
    lookup: &Lookup,
    specs: &[(usize, PartSpec)],
    problems: &mut Vec<RowProblem>,
) -> Vec<Refs> {
    let in_file: HashSet<&str> = specs
        .iter()
        .map(|(_, spec)| spec.part_number.as_str())
        .collect();
    specs
        .iter()
        .filter_map(|(line, spec)| {
            let replacement_in_file = spec.replacement_part_number.as_ref().is_some_and(|number| {
                !lookup.parts.contains_key(number.as_str()) && in_file.contains(number.as_str())
            });
            let checked = if replacement_in_file {
                let without = PartSpec {
                    replacement_part_number: None,
                    ..spec.clone()
                };
                lookup.resolve(&without)
            } else {
                lookup.resolve(spec)
            };
            checked
                .map_err(|errors| {
                    problems.extend(errors.into_iter().map(|error| problem(*line, error)))
                })
                .ok()
        })
        .collect()
}

pub async fn check(
    conn: &mut PgConnection,
    header: &[String],
    rows: &[ImportRow],
) -> Result<ImportCheck, AppError> {
    let mut parsed = parse(header, rows);
    let lookup = Lookup::load(conn, &numbers(&parsed.specs)).await?;
    resolve(&lookup, &parsed.specs, &mut parsed.problems);
    let existing_parts = parsed
        .specs
        .iter()
        .filter(|(_, spec)| lookup.parts.contains_key(spec.part_number.as_str()))
        .count();
    parsed.problems.sort_by_key(|problem| problem.line);
    Ok(ImportCheck {
        new_parts: parsed.specs.len() - existing_parts,
        existing_parts,
        problems: parsed.problems,
    })
}

/// Applies a whole parts file, as the browser sent it, in the caller's
/// transaction: every row, or none when any row is wrong.
pub async fn apply_file(
    tx: &mut Transaction<'_, Postgres>,
    text: &str,
    user_id: Uuid,
) -> Result<ImportOutcome, AppError> {
    let (header, rows) = read_file(text).map_err(|message| AppError::invalid("file", message))?;
    apply(tx, &header, &rows, user_id).await
}

async fn apply(
    tx: &mut Transaction<'_, Postgres>,
    header: &[String],
    rows: &[ImportRow],
    user_id: Uuid,
) -> Result<ImportOutcome, AppError> {
    let mut parsed = parse(header, rows);
    let mut lookup = Lookup::load(tx, &numbers(&parsed.specs)).await?;
    let refs = resolve(&lookup, &parsed.specs, &mut parsed.problems);
    if !parsed.problems.is_empty() {
        parsed.problems.sort_by_key(|problem| problem.line);
        return Ok(ImportOutcome::Refused(parsed.problems));
    }
    // Rows equal to what is stored are not written at all: a re-import of
    // an export costs one read.
    let in_file: Vec<String> = parsed
        .specs
        .iter()
        .map(|(_, spec)| spec.part_number.to_string())
        .collect();
    let stored: HashMap<PartNumber, PartSpec> = drafts(tx, Some(&in_file))
        .await?
        .iter()
        .filter_map(|draft| draft.validate().ok())
        .map(|spec| (spec.part_number.clone(), spec))
        .collect();
    let (mut created, mut updated, mut unchanged) = (0, 0, 0);
    for ((_, spec), refs) in parsed.specs.iter().zip(&refs) {
        if stored.get(&spec.part_number) == Some(spec) {
            unchanged += 1;
            continue;
        }
        let existing = lookup.parts.contains_key(spec.part_number.as_str());
        let number = existing.then(|| spec.part_number.as_str());
        match write(tx, number, spec, *refs, user_id, false).await? {
            Written::Created => created += 1,
            Written::Updated => updated += 1,
            Written::Unchanged => unchanged += 1,
        }
    }
    // Replacements that are new in this file exist now.
    lookup = Lookup::load(tx, &numbers(&parsed.specs)).await?;
    for (_, spec) in &parsed.specs {
        let Some(replacement) = &spec.replacement_part_number else {
            continue;
        };
        sqlx::query(
            "UPDATE inventory.parts SET replacement_part_id = $2
             WHERE part_number = $1 AND replacement_part_id IS DISTINCT FROM $2",
        )
        .bind(spec.part_number.as_str())
        .bind(lookup.parts.get(replacement.as_str()))
        .execute(&mut **tx)
        .await?;
    }
    Ok(ImportOutcome::Imported {
        created,
        updated,
        unchanged,
    })
}
