//! A part's or a lot's label, as the server sends it to be printed.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockLabel {
    /// The part's name.
    pub title: String,
    /// What the label is read by: the part number, or `Lot L-4471`.
    pub number: String,
    pub facts: Vec<LabelFact>,
    /// The QR code's text (`torvan::label_code`), printed small under it
    /// for a person to type when the code is damaged.
    pub code: String,
    /// The QR code as inline SVG, drawn on the server.
    pub qr_svg: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelFact {
    pub name: String,
    pub value: String,
}
