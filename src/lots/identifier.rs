//! A lot or serial number as typed or scanned: trimmed, at most its
//! column's length, letters, digits and the separators suppliers print
//! (`-`, `_`, `.`, `/`), so a label's barcode and a typed number match.

use serde::{Deserialize, Serialize};

/// The most characters a lot number holds (`stock_lots.lot_number`).
pub const LOT_NUMBER_LIMIT: usize = 50;
/// The most characters a serial number holds (`part_serials.serial_number`).
pub const SERIAL_NUMBER_LIMIT: usize = 60;

/// A supplier's lot (batch, heat) number.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LotNumber(String);

/// One unit's serial number.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SerialNumber(String);

impl LotNumber {
    pub fn parse(raw: &str) -> Result<Self, String> {
        identifier(raw, "lot number", LOT_NUMBER_LIMIT).map(Self)
    }

    /// A lot number a form may leave empty.
    pub fn optional(raw: &str) -> Result<Option<Self>, String> {
        match raw.trim() {
            "" => Ok(None),
            raw => Self::parse(raw).map(Some),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl SerialNumber {
    pub fn parse(raw: &str) -> Result<Self, String> {
        identifier(raw, "serial number", SERIAL_NUMBER_LIMIT).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for LotNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Display for SerialNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn identifier(raw: &str, what: &str, limit: usize) -> Result<String, String> {
    let value = raw.trim();
    let length = value.chars().count();
    if length == 0 {
        return Err(format!("Enter the {what}."));
    }
    if length > limit {
        return Err(format!(
            "A {what} has at most {limit} characters; this has {length}."
        ));
    }
    match value
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/')))
    {
        Some(c) => Err(format!(
            "A {what} has letters, digits and - _ . / only, not “{c}”."
        )),
        None => Ok(value.to_owned()),
    }
}

/// The serial numbers of a receipt as typed or scanned: one per line (a
/// scanner ends each with Enter) or separated by commas, blanks left out.
/// The first unreadable one is named, and so is a number entered twice.
pub fn parse_serials(raw: &str) -> Result<Vec<SerialNumber>, String> {
    let mut serials: Vec<SerialNumber> = Vec::new();
    for (index, entry) in raw
        .split(['\n', ','])
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .enumerate()
    {
        let serial = SerialNumber::parse(entry)
            .map_err(|message| format!("Serial number {}: {message}", index + 1))?;
        if serials.contains(&serial) {
            return Err(format!("Serial number {serial} is entered twice."));
        }
        serials.push(serial);
    }
    Ok(serials)
}
