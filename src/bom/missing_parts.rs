use std::fmt;

use serde::{Deserialize, Serialize};

/// A part a BOM line names that the catalogue does not have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissingPart {
    pub line_number: i32,
    pub part_number: String,
    /// The pattern the part number was made from, which is where a wrong
    /// number usually has to be fixed.
    pub pattern: Option<String>,
}

/// Every part of a BOM missing from the catalogue, so they can all be
/// added (or the template fixed) in one go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub struct MissingParts(pub Vec<MissingPart>);

/// An option without a catalogue part renders an empty part number, which
/// is best told as such.
impl fmt::Display for MissingPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = self.line_number;
        match (&self.pattern, self.part_number.is_empty()) {
            (Some(pattern), true) => write!(f, "line {line}: “{pattern}” gives no part number"),
            (Some(pattern), false) => write!(
                f,
                "line {line}: part {} (from “{pattern}”) is not in the catalogue",
                self.part_number
            ),
            (None, _) => write!(
                f,
                "line {line}: part {} is not in the catalogue",
                self.part_number
            ),
        }
    }
}

impl fmt::Display for MissingParts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.0.iter().map(MissingPart::to_string).collect();
        f.write_str(&lines.join("; "))
    }
}
