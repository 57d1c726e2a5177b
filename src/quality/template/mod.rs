//! A sink family's checklist template for one QC phase: the checks every
//! build of the family gets, as an admin writes them. An item says what to
//! check and how (a visual check, a measurement with its spec, a
//! functional test, a document), whether it needs a photo, a document or a
//! signature, when it applies (a condition in the rule language,
//! `legs.kind = 'ELECTRIC'`) and how many copies a build has (a formula,
//! `basin_count`: "Leak test, basin {n}").
//!
//! A `ChecklistTemplateDraft` is the editor's text; `check_template` reads
//! it into a `ChecklistTemplate` or reports every problem at its field, in
//! the browser as the admin types and on the server before saving, and
//! tries every rule on the family's sample configurations as a route does.
//! A `ChecklistTemplate` is always sound: exactly the measurements have a
//! spec, and an item repeats only if its description numbers the copies.
//! `plan_checklist` works it out for one build.

mod check;
mod draft;
mod plan;

pub use check::{MAX_ITEMS, check_template, item_field, read_template};
pub use draft::{ChecklistItemDraft, ChecklistTemplateDraft};
pub use plan::{ChecklistPlanFailure, MAX_COPIES, PlannedItem, plan_checklist};

use super::{QcItemType, Spec};
use crate::rule_language::{Condition, Formula};

/// What stands for the copy's number in a repeated item's description.
pub const COPY_NUMBER: &str = "{n}";

/// One item of a checked template.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateItem {
    pub category: String,
    pub description: String,
    pub item_type: QcItemType,
    pub specification: String,
    /// Exactly the measurements have one.
    pub spec: Option<Spec>,
    pub procedure: String,
    pub tools: Vec<String>,
    pub photo_required: bool,
    pub document_required: bool,
    pub signature_required: bool,
    pub required: bool,
    /// `None`: every build has the item.
    pub condition: Option<Condition>,
    /// `None`: one copy.
    pub repeat: Option<Formula>,
}

/// A checked template, its items in checklist order.
#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistTemplate {
    review_required: bool,
    notes: String,
    items: Vec<TemplateItem>,
}

impl ChecklistTemplate {
    pub fn review_required(&self) -> bool {
        self.review_required
    }

    pub fn notes(&self) -> &str {
        &self.notes
    }

    pub fn items(&self) -> &[TemplateItem] {
        &self.items
    }
}
