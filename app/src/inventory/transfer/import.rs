//! Checking and applying a parts file. The rows are checked by the domain
//! (`torvan::part_spec::check_rows`, the part form's own validation), then
//! their references (place, vendor, replacement) are resolved against the
//! catalogue loaded once.

use std::collections::{HashMap, HashSet};

use sqlx::PgConnection;
use torvan::part_spec::{CheckedRows, LineError, PartSpec, check_rows};
use torvan::{FieldError, PartNumber};
use uuid::Uuid;

use super::model::{ImportCheck, ImportOutcome, ImportRow, RowProblem, read_file};
use crate::error::AppError;
use crate::inventory::part::queries::drafts;
use crate::inventory::part::save::{Lookup, Refs, Written, write};

fn problem(line: usize, error: FieldError) -> RowProblem {
    RowProblem {
        line,
        column: error.field,
        message: error.message,
    }
}

fn parse(header: &[String], rows: &[ImportRow]) -> CheckedRows {
    check_rows(
        header,
        rows.iter().map(|row| (row.line, row.fields.as_slice())),
    )
}

/// The problems in line order, as the page lists them.
fn sorted(problems: Vec<LineError>) -> Vec<RowProblem> {
    let mut problems: Vec<RowProblem> = problems
        .into_iter()
        .map(|(line, error)| problem(line, error))
        .collect();
    problems.sort_by_key(|problem| problem.line);
    problems
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
    problems: &mut Vec<LineError>,
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
                .map_err(|errors| problems.extend(errors.into_iter().map(|error| (*line, error))))
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
    Ok(ImportCheck {
        new_parts: parsed.specs.len() - existing_parts,
        existing_parts,
        problems: sorted(parsed.problems),
    })
}

/// Applies a whole parts file, as the browser sent it, in the caller's
/// transaction: every row, or none when any row is wrong.
pub async fn apply_file(
    conn: &mut PgConnection,
    text: &str,
    user_id: Uuid,
) -> Result<ImportOutcome, AppError> {
    let (header, rows) = read_file(text).map_err(|message| AppError::invalid("file", message))?;
    apply(conn, &header, &rows, user_id).await
}

async fn apply(
    conn: &mut PgConnection,
    header: &[String],
    rows: &[ImportRow],
    user_id: Uuid,
) -> Result<ImportOutcome, AppError> {
    let mut parsed = parse(header, rows);
    let mut lookup = Lookup::load(conn, &numbers(&parsed.specs)).await?;
    let refs = resolve(&lookup, &parsed.specs, &mut parsed.problems);
    if !parsed.problems.is_empty() {
        return Ok(ImportOutcome::Refused(sorted(parsed.problems)));
    }
    // Rows equal to what is stored are not written at all: a re-import of
    // an export costs one read.
    let in_file: Vec<String> = parsed
        .specs
        .iter()
        .map(|(_, spec)| spec.part_number.to_string())
        .collect();
    let stored: HashMap<PartNumber, PartSpec> = drafts(conn, Some(&in_file))
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
        match write(conn, number, spec, *refs, user_id, false).await? {
            Written::Created => created += 1,
            Written::Updated => updated += 1,
            Written::Unchanged => unchanged += 1,
        }
    }
    // Replacements that are new in this file exist now.
    lookup = Lookup::load(conn, &numbers(&parsed.specs)).await?;
    for (_, spec) in &parsed.specs {
        let Some(replacement) = &spec.replacement_part_number else {
            continue;
        };
        sqlx::query!(
            "UPDATE inventory.parts SET replacement_part_id = $2
             WHERE part_number = $1 AND replacement_part_id IS DISTINCT FROM $2",
            spec.part_number.as_str(),
            lookup.parts.get(replacement.as_str()).copied(),
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(ImportOutcome::Imported {
        created,
        updated,
        unchanged,
    })
}
