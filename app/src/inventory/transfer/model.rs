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
