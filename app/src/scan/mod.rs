//! Labels and scanning (issue #18): the `/scan` page, which opens the
//! record a TORVAN label (or a typed order or build number) names; the
//! labels of parts and lots; and the QR code printed on every label. What
//! a code holds is `torvan::label_code`.

mod api;
mod label_page;
mod model;
mod page;
#[cfg(feature = "ssr")]
pub mod qr;
#[cfg(feature = "ssr")]
mod stock_label;

pub use api::*;
pub use label_page::{LotLabelPage, PartLabelPage};
pub use model::*;
pub use page::ScanPage;
