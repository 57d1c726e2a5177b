//! A finished sink's serial number (issue #17), as its order says: the
//! unit's build number (`TB-2026-0101-01-1`, unique by construction), or
//! the number stamped on a serial plate the customer or a regulator
//! supplies, recorded per unit before the order ships. The label, the
//! production record and the lot's recall list all show this one number.

use serde::{Deserialize, Serialize};

use crate::FieldError;

crate::db_enum::db_enum! {
    /// How an order's units are numbered (`orders.unit_serials`).
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum SerialScheme: "serial numbering" {
        BuildNumber = "BUILD_NUMBER" as "The unit's build number",
        SerialPlate = "SERIAL_PLATE" as "A serial plate number, recorded per unit",
    }
}

/// The most characters a plate number has (`sink_builds.serial_plate`).
pub const PLATE_LIMIT: usize = 40;

/// A serial plate's number: upper case letters, digits, `-`, `/` and `.`,
/// as stamped, without spaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlateNumber(String);

impl PlateNumber {
    /// Reads a plate number as typed; refused at `serial_plate`.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let refuse = |message: String| Err(FieldError::new("serial_plate", message));
        let plate = raw.trim().to_uppercase();
        if plate.is_empty() {
            return refuse("Enter the number stamped on the unit's serial plate.".into());
        }
        let length = plate.chars().count();
        if length > PLATE_LIMIT {
            return refuse(format!(
                "A plate number has at most {PLATE_LIMIT} characters; this has {length}."
            ));
        }
        if !plate
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '.'))
        {
            return refuse(
                "Use letters, digits, '-', '/' and '.' only, as stamped on the plate.".into(),
            );
        }
        Ok(Self(plate))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The serial number a unit carries: its build number, or its plate once
/// recorded (`None` before).
pub fn serial_of(scheme: SerialScheme, build_number: &str, plate: Option<&str>) -> Option<String> {
    match scheme {
        SerialScheme::BuildNumber => Some(build_number.to_owned()),
        SerialScheme::SerialPlate => plate.map(str::to_owned),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(raw: &str) -> String {
        let error = PlateNumber::parse(raw).unwrap_err();
        assert_eq!(error.field, "serial_plate");
        error.message
    }

    #[test]
    fn a_plate_number_is_kept_as_stamped_in_upper_case() {
        assert_eq!(
            PlateNumber::parse("  sn-2026/0042.a ").unwrap().as_str(),
            "SN-2026/0042.A"
        );
    }

    #[test]
    fn a_blank_spaced_or_overlong_plate_number_is_refused() {
        assert!(refusal("   ").contains("Enter the number"));
        assert!(refusal("SN 42").contains("letters, digits"));
        assert!(refusal("SN_42").contains("letters, digits"));
        assert!(refusal(&"9".repeat(PLATE_LIMIT + 1)).contains("this has 41"));
        assert!(PlateNumber::parse(&"9".repeat(PLATE_LIMIT)).is_ok());
    }

    #[test]
    fn a_unit_is_numbered_by_its_build_or_by_its_plate_once_recorded() {
        let build = "TB-2026-0101-01-1";
        assert_eq!(
            serial_of(SerialScheme::BuildNumber, build, None).as_deref(),
            Some(build)
        );
        assert_eq!(serial_of(SerialScheme::SerialPlate, build, None), None);
        assert_eq!(
            serial_of(SerialScheme::SerialPlate, build, Some("SN-7")).as_deref(),
            Some("SN-7")
        );
    }
}
