//! What a person chose to issue beyond the quantity: a lot, and for a
//! serial-controlled part the serial numbers. Both are optional: without
//! them the stock service takes the suggestion (`pick_tracked`, and the
//! serials received first). Parsed at the edge, each refusal at its field.

use super::identifier::{LotNumber, SerialNumber, parse_serials};
use super::receipt::Tracking;
use crate::FieldError;
use crate::stock::Quantity;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IssueChoice {
    pub lot: Option<LotNumber>,
    pub serials: Vec<SerialNumber>,
}

impl IssueChoice {
    pub fn parse(
        tracking: Tracking,
        quantity: Quantity,
        lot: &str,
        serials: &str,
    ) -> Result<Self, FieldError> {
        let lot = LotNumber::optional(lot).map_err(|message| FieldError::new("lot", message))?;
        let serials =
            parse_serials(serials).map_err(|message| FieldError::new("serials", message))?;
        if !serials.is_empty() && !tracking.serial {
            return Err(FieldError::new(
                "serials",
                "This part is not serial-controlled: leave the serial numbers empty.",
            ));
        }
        let issued = usize::try_from(quantity.get()).unwrap_or_default();
        if !serials.is_empty() && serials.len() != issued {
            return Err(FieldError::new(
                "serials",
                format!(
                    "You are issuing {issued}: enter {issued} serial numbers, or none to take the first received ({} entered).",
                    serials.len()
                ),
            ));
        }
        Ok(Self { lot, serials })
    }
}
