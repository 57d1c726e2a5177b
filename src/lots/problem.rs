//! Why the stock service refuses a movement of a lot or of serial numbers,
//! worded for the person making it and said at the form's field it is
//! about (`lot` or `serials`).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum LotProblem {
    #[error("This part has no lot {lot}.")]
    UnknownLot { lot: String },
    #[error("Lot {lot} holds {available}; {requested} requested.")]
    NotEnoughInLot {
        lot: String,
        available: i32,
        requested: i32,
    },
    #[error(
        "Only {outside} of this part's stock is outside its lots: name the lot this takes from."
    )]
    OutsideLots { outside: i32 },
    #[error("Lot {lot} is recorded as expiring on {recorded}: enter that date or leave it empty.")]
    ExpiryDiffers { lot: String, recorded: String },
    #[error("Serial number {serial} is already recorded for this part.")]
    SerialRecorded { serial: String },
    #[error("Serial number {serial} is not on the shelf: it was issued, or never received.")]
    SerialNotOnShelf { serial: String },
    #[error("Only {on_shelf} serial numbers of this part are on the shelf; {requested} requested.")]
    NotEnoughSerials { on_shelf: i32, requested: i32 },
}

impl LotProblem {
    /// The form field the problem is said at.
    pub fn field(&self) -> &'static str {
        match self {
            Self::UnknownLot { .. } | Self::NotEnoughInLot { .. } | Self::OutsideLots { .. } => {
                "lot"
            }
            Self::ExpiryDiffers { .. } => "expires_on",
            Self::SerialRecorded { .. }
            | Self::SerialNotOnShelf { .. }
            | Self::NotEnoughSerials { .. } => "serials",
        }
    }
}
