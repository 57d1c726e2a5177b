//! Electronic signatures (21 CFR Part 11 §11.50, §11.70, §11.300): who
//! signed, under which role and meaning, when, and the record they signed
//! bound by a hash of its content, so a signature can tell whether the
//! record still reads as it did when it was signed. Separation of duties is
//! a rule here too: the person who produced a record does not approve it,
//! unless the installation allows it (a small shop), which each signature
//! then records.
//!
//! The hash covers what the record says, never its status or its row
//! version: approving a BOM or starting production on a configuration
//! changes those, and the signature must still match; a changed line,
//! quantity or choice must not.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::Role;

mod content;

pub use content::{BomLineContent, Content, ContentHash, OrderReleaseContent, QcItemContent};

crate::db_enum::db_enum! {
    /// What a signature means (§11.50(a)(3)): what the signer attests.
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum Meaning: "signature meaning" {
        Authored = "AUTHORED" as "Authored",
        Performed = "PERFORMED" as "Performed",
        Reviewed = "REVIEWED" as "Reviewed",
        Approved = "APPROVED" as "Approved",
        Verified = "VERIFIED" as "Verified",
    }
}

crate::db_enum::db_enum! {
    /// The kinds of record a signature can be bound to.
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum RecordKind: "signed record kind" {
        Bom = "BOM" as "BOM",
        SinkConfiguration = "SINK_CONFIGURATION" as "sink configuration",
        Order = "ORDER" as "order",
        QcChecklist = "QC_CHECKLIST" as "QC checklist",
        QcDefect = "QC_DEFECT" as "defect",
        BuildRecord = "BUILD_RECORD" as "production record",
    }
}

impl RecordKind {
    /// The record as a sentence names it: "the BOM", "the order".
    fn in_sentence(self) -> String {
        format!("the {}", self.label())
    }
}

/// The record a signature is bound to: its kind, id and the version it had
/// when it was signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedRecord {
    pub kind: RecordKind,
    pub id: Uuid,
    pub version: i32,
}

/// One electronic signature, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    pub signer: Uuid,
    /// The signer's name as printed on the record (§11.50(a)(1)).
    pub printed_name: String,
    pub role: Role,
    pub meaning: Meaning,
    pub signed_at: DateTime<Utc>,
    pub record: SignedRecord,
    pub content_hash: ContentHash,
    /// The signer produced the record and approved it under the
    /// installation's small-shop setting.
    pub duties_waived: bool,
}

/// Whether a signed record still reads as it did when it was signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    Matches,
    NoLongerMatches,
}

impl Signature {
    /// The signature as the record shows it: "Approved by Dana Reyes
    /// (production coordinator), 2026-11-30 14:02 UTC".
    pub fn display(&self) -> String {
        let waived = if self.duties_waived {
            " (own record, allowed by the small-shop setting)"
        } else {
            ""
        };
        format!(
            "{} by {} ({}), {} UTC{waived}",
            self.meaning.label(),
            self.printed_name,
            role_in_sentence(self.role),
            self.signed_at.format("%Y-%m-%d %H:%M"),
        )
    }

    /// Whether the record, whose content now hashes to `current`, is still
    /// what was signed.
    pub fn standing(&self, current: &ContentHash) -> Standing {
        if *current == self.content_hash {
            Standing::Matches
        } else {
            Standing::NoLongerMatches
        }
    }

    /// What the record shows beside a signature that no longer matches.
    pub fn mismatch_note(&self) -> String {
        format!(
            "Signature no longer matches: {} changed after it was signed.",
            self.record.kind.in_sentence()
        )
    }
}

/// A role's label inside a sentence: lower-case, except an acronym
/// ("QC inspector").
fn role_in_sentence(role: Role) -> String {
    let label = role.label();
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => first
            .to_lowercase()
            .chain(label[first.len_utf8()..].chars())
            .collect(),
        _ => label.to_owned(),
    }
}

/// How an approval stands with separation of duties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Duties {
    /// Someone other than the record's author approves it.
    Separate,
    /// The author approves their own record, which the small-shop setting
    /// allows; the signature records it.
    Waived,
}

/// Why someone may not approve a record of this kind: they produced it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DutiesRefused(pub RecordKind);

impl std::fmt::Display for DutiesRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.0 {
            RecordKind::Bom => "generated this BOM version",
            RecordKind::SinkConfiguration => "validated this configuration",
            RecordKind::Order | RecordKind::QcDefect | RecordKind::BuildRecord => {
                "produced this record"
            }
            RecordKind::QcChecklist => "signed this checklist as its inspector",
        };
        write!(
            f,
            "You {what}: another person must approve it (separation of duties)."
        )
    }
}

impl std::error::Error for DutiesRefused {}

/// Separation of duties: the person who generated a BOM (or validated a
/// sink configuration), `author`, cannot approve it unless
/// `author_may_approve` (the small-shop setting) is on. A record with no
/// recorded author has nobody to keep apart.
pub fn separation(
    kind: RecordKind,
    author: Option<Uuid>,
    signer: Uuid,
    author_may_approve: bool,
) -> Result<Duties, DutiesRefused> {
    if author != Some(signer) {
        return Ok(Duties::Separate);
    }
    if author_may_approve {
        return Ok(Duties::Waived);
    }
    Err(DutiesRefused(kind))
}

/// The meaning a signed order move carries, or `None` when the move needs
/// no signature. Final QC passed is a verification: the inspector attests
/// the product was checked against its requirements (ISO 13485 §8.2.6).
/// Shipping is the release: the coordinator approves the product to leave.
pub fn order_move_meaning(to: crate::OrderStatus) -> Option<Meaning> {
    match to {
        crate::OrderStatus::QcComplete => Some(Meaning::Verified),
        crate::OrderStatus::Shipped => Some(Meaning::Approved),
        _ => None,
    }
}

/// Refuses a signing whose meaning is not the one its action carries.
pub fn expect_meaning(asked: Meaning, carried: Meaning) -> Result<(), crate::FieldError> {
    if asked == carried {
        return Ok(());
    }
    Err(crate::FieldError::new(
        "meaning",
        format!(
            "This action is signed as {}, not {}.",
            carried.label().to_lowercase(),
            asked.label().to_lowercase()
        ),
    ))
}

#[cfg(test)]
mod tests;
