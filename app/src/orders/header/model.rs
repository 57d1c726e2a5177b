//! The header form's wire type: the addresses and contacts an order of a
//! customer can name.

use serde::{Deserialize, Serialize};

/// A customer's addresses goods can go to and its active contacts, as
/// (id, label), defaults first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipToChoices {
    pub addresses: Vec<(String, String)>,
    pub contacts: Vec<(String, String)>,
}
