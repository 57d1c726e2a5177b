use serde::{Deserialize, Serialize};

/// A checklist template as the editor holds it: every field still text,
/// so a half-typed rule or value is kept and reported at its field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChecklistTemplateDraft {
    /// A second person reviews the signed checklist.
    pub review_required: bool,
    pub notes: String,
    pub items: Vec<ChecklistItemDraft>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChecklistItemDraft {
    pub category: String,
    /// `{n}` stands for the copy's number when the item repeats.
    pub description: String,
    /// A `QcItemType` as the database spells it.
    pub item_type: String,
    /// The requirement in words (a drawing, a standard).
    pub specification: String,
    /// A measurement's spec: the nominal value, the `ToleranceKind` as the
    /// database spells it, the upper and lower values and the `Unit`; all
    /// empty for the other types.
    pub nominal: String,
    pub tolerance_kind: String,
    pub tolerance_plus: String,
    pub tolerance_minus: String,
    pub unit: String,
    pub procedure: String,
    /// One per line.
    pub tools: String,
    pub photo_required: bool,
    pub document_required: bool,
    pub signature_required: bool,
    pub required: bool,
    /// Empty: every build has the item.
    pub condition: String,
    /// How many copies a build has (`basin_count`); empty: one.
    pub repeat: String,
}
