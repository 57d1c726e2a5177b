//! Electronic signatures on records: the signing dialog that asks for the
//! password again (`SignSubmit`), what a signing sends (`Signing`), how a
//! record shows its signatures (`ShownSignature`), their storage in the
//! append-only `audit.signatures`, and the small-shop setting that lets the
//! author of a record approve it. A feature that signs (BOM approval, sink
//! approval, order release; QC sign-off next) checks the password with
//! `auth::reauthenticate::confirm`, then in its one transaction checks
//! separation of duties and writes its change and `store::record` together,
//! the record's version and content hash read from what is stored.

pub mod api;
mod model;
mod sign_dialog;
#[cfg(feature = "ssr")]
pub mod store;

pub use api::{GetSignaturePolicy, SetSignaturePolicy, get_signature_policy, set_signature_policy};
pub use model::{ShownSignature, Signing};
pub use sign_dialog::{SignSubmit, Signatures};
