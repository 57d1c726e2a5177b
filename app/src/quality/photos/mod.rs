//! QC photos: the evidence an inspector attaches to a checklist, one of its
//! items or one of its defects. The bytes go to S3 through the host's photo
//! routes (a `PUT` of the raw image to the photo's own address, the id made
//! by the tablet so a replay stores nothing twice); this folder holds what
//! crosses the wire, the reads and the one write those routes make, and the
//! capture component that reduces and uploads a photo in the browser.

mod capture;
mod model;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod save;

pub use capture::PhotoCapture;
pub use model::*;
