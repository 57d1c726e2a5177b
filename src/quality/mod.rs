//! Quality control's rules, the same in the browser and on the server:
//! what a measurement must read (`Spec`, in a `Unit`) and whether a reading
//! meets it (`judge`, compared exactly in `Decimal` in the quantity's base
//! unit, so inches and millimetres agree to the last digit); the family's
//! checklist template and what it gives one build (`plan_checklist`); a
//! checklist as it is worked through (`record_check`, `progress`,
//! `outcome`); and a defect's workflow (`defect_move`, `holds_build`).
//! No clock and no I/O: the tablet judges a value as it is typed with the
//! very code the server records it with.

mod checklist;
mod defect;
mod judge;
mod template;
mod tolerance;
mod units;

#[cfg(test)]
mod tests;

pub use checklist::{
    ItemResult, ItemState, Lack, Outcome, Progress, QcItemType, QcPhase, QcStatus, outcome,
    progress, record_check,
};
pub use defect::{
    DefectRefusal, DefectStatus, Severity, WAIVER_REASON_LIMIT, defect_move, defect_moves,
    holds_build,
};
pub use judge::{JudgeError, Judgement, READING_SCALE, Reading, judge, parse_reading, parse_value};
pub use template::{
    COPY_NUMBER, ChecklistItemDraft, ChecklistPlanFailure, ChecklistTemplate,
    ChecklistTemplateDraft, MAX_COPIES, MAX_ITEMS, PlannedItem, TemplateItem, check_template,
    item_field, plan_checklist, read_template,
};
pub use tolerance::{SPEC_SCALE, Spec, SpecParts, Tolerance, ToleranceKind};
pub use units::Unit;
