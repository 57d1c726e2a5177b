//! What a receipt names beyond its quantity: the lot, its expiry and the
//! serial numbers, as the part's tracking asks. Each refusal is said at its
//! field of the receive form (`lot`, `expires_on`, `serials`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::identifier::{LotNumber, SerialNumber, parse_serials};
use crate::FieldError;
use crate::stock::Quantity;

/// How a part is traced (`parts.lot_control`, `parts.serial_control`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tracking {
    pub lot: bool,
    pub serial: bool,
}

/// A receipt's lot, expiry and serial numbers, checked against the part's
/// tracking: a lot-controlled part names its lot, a serial-controlled part
/// one serial number per unit received, and nothing else names serials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackedReceipt {
    pub lot: Option<LotNumber>,
    pub expires_on: Option<NaiveDate>,
    pub serials: Vec<SerialNumber>,
}

impl TrackedReceipt {
    pub fn parse(
        tracking: Tracking,
        quantity: Quantity,
        lot: &str,
        expires_on: &str,
        serials: &str,
    ) -> Result<Self, FieldError> {
        let lot = LotNumber::optional(lot).map_err(|message| FieldError::new("lot", message))?;
        if lot.is_none() && tracking.lot {
            return Err(FieldError::new(
                "lot",
                "This part is lot-controlled: enter the supplier's lot number.",
            ));
        }
        let expires_on = match expires_on.trim() {
            "" => None,
            raw => Some(
                NaiveDate::parse_from_str(raw, "%Y-%m-%d")
                    .map_err(|_| FieldError::new("expires_on", "Enter a date as YYYY-MM-DD."))?,
            ),
        };
        if expires_on.is_some() && lot.is_none() {
            return Err(FieldError::new(
                "expires_on",
                "An expiry date belongs to a lot: enter the lot number too.",
            ));
        }
        let serials =
            parse_serials(serials).map_err(|message| FieldError::new("serials", message))?;
        if !tracking.serial && !serials.is_empty() {
            return Err(FieldError::new(
                "serials",
                "This part is not serial-controlled: leave the serial numbers empty.",
            ));
        }
        let received = usize::try_from(quantity.get()).unwrap_or_default();
        if tracking.serial && serials.len() != received {
            return Err(FieldError::new(
                "serials",
                format!(
                    "You are receiving {received}: enter {received} serial numbers, one per line ({} entered).",
                    serials.len()
                ),
            ));
        }
        Ok(Self {
            lot,
            expires_on,
            serials,
        })
    }
}
