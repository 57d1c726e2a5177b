//! What crosses the wire for signatures: a signing (the meaning and the
//! password asked again) and a signature as a record shows it.

use serde::{Deserialize, Serialize};
use torvan::signature::Meaning;

/// What the signing dialog sends with the action it signs: form names
/// `signing[meaning]` and `signing[password]`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signing {
    pub meaning: Meaning,
    pub password: String,
}

/// The password never reaches a log.
impl std::fmt::Debug for Signing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signing")
            .field("meaning", &self.meaning)
            .field("password", &"…")
            .finish()
    }
}

/// A signature as the signed record shows it: "Approved by Dana Reyes
/// (production coordinator), 2026-11-30 14:02 UTC", and why it no longer
/// matches when the record changed after it was signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownSignature {
    pub text: String,
    pub no_longer_matches: Option<String>,
}
