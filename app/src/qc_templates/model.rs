//! What the QC template pages receive: every family's template in force
//! for each phase, and one template as the editor holds it. Compiled for
//! both targets, so these types hold no SQL.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use torvan::BuildNumber;
use torvan::quality::{ChecklistTemplateDraft, QcPhase};
use torvan::sink::FamilyOptions;

/// A family's template for one phase, if it has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QcTemplateSummary {
    pub family_code: String,
    pub family: String,
    pub phase: QcPhase,
    pub saved: Option<SavedTemplate>,
}

/// A template in force: its version, size, whether a second person
/// reviews its checklists, and who saved it when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedTemplate {
    pub version: i32,
    pub items: i64,
    pub review_required: bool,
    pub by: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QcTemplateEditor {
    pub family_code: String,
    pub family: String,
    pub phase: QcPhase,
    /// The version in force the draft was read from; 0 when the family has
    /// no template for the phase yet. A save names it, so a newer one is a
    /// conflict.
    pub version: i32,
    /// The template in force, or the copy of another family's a new one
    /// starts from, or one empty item.
    pub draft: ChecklistTemplateDraft,
    /// The family's options, whose sample configurations the editor tries
    /// every rule on.
    pub family_options: FamilyOptions,
    /// Sink units of the family with an approved BOM, whose configuration
    /// a preview plans the checklist for.
    pub builds: Vec<BuildNumber>,
}
