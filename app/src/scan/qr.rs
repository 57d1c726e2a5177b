//! A label's QR code, drawn on the server as SVG (crate `qrcode`): the
//! text of a [`LabelCode`], which `/scan` reads back. Error correction M
//! (15%): a label on a crate or a sink's underside gets scuffed.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use torvan::label_code::LabelCode;

use crate::error::AppError;

/// The code as an inline `<svg>` (no XML prolog: it goes into HTML).
pub fn svg(code: &LabelCode) -> Result<String, AppError> {
    let text = code.to_string();
    let qr = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).map_err(|error| {
        // A code is a kind and a number of at most 100 characters: far
        // below what a QR code holds.
        tracing::error!(%error, %text, "a label's QR code could not be made");
        AppError::Internal
    })?;
    let drawn = qr
        .render::<svg::Color>()
        .min_dimensions(160, 160)
        .quiet_zone(true)
        .build();
    Ok(match drawn.split_once("?>") {
        Some((_, svg)) => svg.to_owned(),
        None => drawn,
    })
}
