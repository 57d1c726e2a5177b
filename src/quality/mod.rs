//! Quality control's rules: what a measurement must read and whether a
//! reading meets it (in any unit of the same quantity, compared exactly in
//! `Decimal`), what a checklist template gives a build, where a checklist
//! stands, and how a defect moves. Pure functions with no clock and no I/O, so the tablet
//! judges a value as it is typed with the very code the server records it
//! with.

mod checklist;
mod defect;
mod judge;
mod template;
mod tolerance;
mod units;

#[cfg(test)]
mod tests;

pub use checklist::{
    ItemResult, ItemState, Outcome, Progress, QcItemType, QcPhase, QcStatus, outcome, progress,
    record_check,
};
pub use defect::{
    DefectRefusal, DefectStatus, Severity, WAIVER_REASON_LIMIT, defect_move, defect_moves,
    holds_build,
};
pub use judge::{JudgeError, Judgement, READING_SCALE, Reading, judge, parse_reading};
pub use tolerance::{SPEC_SCALE, Spec, SpecParts, Tolerance, ToleranceKind};
pub use template::{
    ChecklistItemDraft, ChecklistPlanFailure, ChecklistTemplate, ChecklistTemplateDraft,
    MAX_ITEMS, PlannedItem, TemplateItem, item_field, plan_checklist, read_template,
};
pub use units::Unit;
