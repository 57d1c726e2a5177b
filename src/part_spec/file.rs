//! A parts file's rows checked together: the header names only columns of
//! the file and every required one, each row is a valid part, and no part
//! number appears on two lines. The browser checks a file in slices and the
//! server the whole file with this one reading, so both refuse the same rows
//! with the same messages.

use std::collections::HashMap;

use super::{COLUMNS, PartDraft, PartSpec};
use crate::FieldError;

/// The columns a parts file cannot leave out.
pub const REQUIRED: [&str; 2] = ["part_number", "name"];

/// The line a problem concerns (1 for the header) and what is wrong there.
pub type LineError = (usize, FieldError);

/// The rows that parsed, each with its line, and the problems of the rest,
/// in the order they were found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckedRows {
    pub specs: Vec<(usize, PartSpec)>,
    pub problems: Vec<LineError>,
}

fn header_problems(header: &[String]) -> Vec<LineError> {
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
    unknown.chain(missing).map(|error| (1, error)).collect()
}

/// Checks `rows` (line, fields) under `header`; a header with problems is
/// reported alone, since no row can be read under it.
pub fn check_rows<'a>(
    header: &[String],
    rows: impl IntoIterator<Item = (usize, &'a [String])>,
) -> CheckedRows {
    let mut checked = CheckedRows {
        specs: Vec::new(),
        problems: header_problems(header),
    };
    if !checked.problems.is_empty() {
        return checked;
    }
    let mut first_line: HashMap<String, usize> = HashMap::new();
    for (line, fields) in rows {
        let spec = PartDraft::from_record(header, fields)
            .map_err(|error| vec![error])
            .and_then(|draft| draft.validate());
        match spec {
            Ok(spec) => {
                let number = spec.part_number.to_string();
                if let Some(first) = first_line.get(&number) {
                    checked.problems.push((
                        line,
                        FieldError::new(
                            "part_number",
                            format!("{number} is already on line {first}."),
                        ),
                    ));
                } else {
                    first_line.insert(number, line);
                    checked.specs.push((line, spec));
                }
            }
            Err(errors) => checked
                .problems
                .extend(errors.into_iter().map(|error| (line, error))),
        }
    }
    checked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(values: &[&str]) -> Vec<String> {
        values.iter().map(|value| (*value).to_owned()).collect()
    }

    fn check(header: &[&str], rows: &[(usize, &[&str])]) -> CheckedRows {
        let rows: Vec<(usize, Vec<String>)> = rows
            .iter()
            .map(|(line, fields)| (*line, strings(fields)))
            .collect();
        check_rows(
            &strings(header),
            rows.iter().map(|(line, fields)| (*line, fields.as_slice())),
        )
    }

    #[test]
    fn valid_rows_are_kept_with_their_lines() {
        let checked = check(
            &["Part_Number ", "name"],
            &[(2, &["121-0001", "Basin"]), (3, &["121-0002", "Drain"])],
        );
        assert!(checked.problems.is_empty(), "{:?}", checked.problems);
        let lines: Vec<(usize, String)> = checked
            .specs
            .iter()
            .map(|(line, spec)| (*line, spec.part_number.to_string()))
            .collect();
        assert_eq!(
            lines,
            [(2, "121-0001".to_owned()), (3, "121-0002".to_owned())]
        );
    }

    #[test]
    fn a_header_with_unknown_or_missing_columns_is_refused_before_any_row() {
        let checked = check(&["part_number", "colour"], &[(2, &["121-0001", "red"])]);
        assert!(checked.specs.is_empty());
        assert_eq!(
            checked.problems,
            [
                (
                    1,
                    FieldError::new("colour", "This column is not part of the parts file.")
                ),
                (1, FieldError::new("name", "The header needs this column.")),
            ]
        );
    }

    #[test]
    fn a_part_number_on_two_lines_is_refused_at_the_second() {
        let checked = check(
            &["part_number", "name"],
            &[(2, &["121-0001", "Basin"]), (5, &["121-0001 ", "Again"])],
        );
        assert_eq!(checked.specs.len(), 1);
        assert_eq!(
            checked.problems,
            [(
                5,
                FieldError::new("part_number", "121-0001 is already on line 2.")
            )]
        );
    }

    #[test]
    fn every_problem_of_a_bad_row_is_reported_at_its_line() {
        let checked = check(
            &["part_number", "name", "standard_cost"],
            &[(4, &["", "", "-1"])],
        );
        let fields: Vec<(usize, &str)> = checked
            .problems
            .iter()
            .map(|(line, error)| (*line, error.field.as_str()))
            .collect();
        assert_eq!(
            fields,
            [(4, "part_number"), (4, "name"), (4, "standard_cost")]
        );
    }

    #[test]
    fn a_row_longer_than_the_header_is_refused() {
        let checked = check(
            &["part_number", "name"],
            &[(2, &["121-0001", "Basin", "x"])],
        );
        assert_eq!(checked.problems[0].1.field, "row");
    }
}
