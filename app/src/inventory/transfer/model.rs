//! The parts file's wire types, and its reading into rows, shared by the
//! browser (which checks a file in slices) and the server (which applies it
//! whole).

use serde::{Deserialize, Serialize};

/// One data row of the file and the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRow {
    pub line: usize,
    pub fields: Vec<String>,
}

/// What is wrong with one field of one row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    pub line: usize,
    pub column: String,
    pub message: String,
}

/// How the checked rows would change the catalogue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportCheck {
    pub problems: Vec<RowProblem>,
    pub new_parts: usize,
    pub existing_parts: usize,
}

/// The header and data rows of a parts file, read the same way in the
/// browser (to check it in slices) and on the server (to apply it whole).
pub fn read_file(text: &str) -> Result<(Vec<String>, Vec<ImportRow>), String> {
    let mut records = torvan::csv::read(text)
        .map_err(|error| error.to_string())?
        .into_iter();
    let header = records.next().ok_or("The file is empty.")?;
    let rows = records
        .map(|record| ImportRow {
            line: record.line,
            fields: record.fields,
        })
        .collect();
    Ok((header.fields, rows))
}

/// The most rows one check of a slice of a file may hold: few enough for
/// steady progress on a large file.
pub const CHECK_ROWS: usize = 250;

/// More columns than a parts file has (the export writes some twenty).
pub const MAX_COLUMNS: usize = 100;

/// The text one slice may hold, well inside the server's 256 KB limit on a
/// server function's arguments even when every character is escaped.
const CHECK_BYTES: usize = 96 * 1024;

/// The file's rows in the slices the page has checked one at a time: at
/// most `CHECK_ROWS` rows and about `CHECK_BYTES` of text each (a single
/// longer row is a slice of its own).
pub fn slices(rows: &[ImportRow]) -> Vec<&[ImportRow]> {
    let mut slices = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (at, row) in rows.iter().enumerate() {
        let size: usize = row.fields.iter().map(|field| field.len() + 4).sum();
        if at > start && (at - start == CHECK_ROWS || bytes + size > CHECK_BYTES) {
            slices.push(&rows[start..at]);
            (start, bytes) = (at, 0);
        }
        bytes += size;
    }
    if start < rows.len() {
        slices.push(&rows[start..]);
    }
    slices
}

/// Where the browser sends a whole parts file to be applied (`text/csv`,
/// one transaction): a plain route, not a server function, because a file
/// of 50,000 rows is far larger than any function's arguments may be.
pub const IMPORT_PATH: &str = "/inventory/import";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportOutcome {
    Imported {
        created: usize,
        updated: usize,
        unchanged: usize,
    },
    /// Nothing was written: these rows need fixing first.
    Refused(Vec<RowProblem>),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(count: usize, field_len: usize) -> Vec<ImportRow> {
        (0..count)
            .map(|line| ImportRow {
                line,
                fields: vec!["x".repeat(field_len)],
            })
            .collect()
    }

    #[test]
    fn a_file_is_checked_in_slices_of_at_most_the_row_cap() {
        let rows = rows(CHECK_ROWS * 2 + 1, 10);
        let lengths: Vec<_> = slices(&rows).iter().map(|slice| slice.len()).collect();
        assert_eq!(lengths, [CHECK_ROWS, CHECK_ROWS, 1]);
    }

    #[test]
    fn long_rows_make_smaller_slices_that_still_cover_every_row() {
        let rows = rows(100, 10 * 1024);
        let slices = slices(&rows);
        assert!(slices.len() > 1);
        for slice in &slices {
            let text: usize = slice.iter().map(|row| row.fields[0].len()).sum();
            assert!(text <= CHECK_BYTES, "{text}");
        }
        assert_eq!(slices.iter().map(|slice| slice.len()).sum::<usize>(), 100);
        assert!(super::slices(&[]).is_empty());
    }
}
