//! A family's checklist template for a phase, as an admin writes it and as
//! a build's checklist is made from it. Each item says what is checked and
//! how, its measurement's tolerance if it is one, what evidence it needs,
//! when it applies (a condition in the rule language the BOM templates and
//! routes use: `legs.kind = 'ELECTRIC'`) and how many copies a build gets
//! (a formula: `basin_count` for one leak test per basin, `{n}` in the
//! description numbering them).
//!
//! A `ChecklistTemplateDraft` is the editor's text; `read_template` reads
//! it into a `ChecklistTemplate` or reports every problem at its field
//! (`"3:tolerance_plus"`); a stored template is read back through it too.
//! A `ChecklistTemplate` is always sound: every item has a description and
//! a known type, a measurement has a spec and nothing else has one, and
//! every rule parses. `plan_checklist` works it out for one build.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

use super::{QcItemType, Spec, SpecParts};
use crate::rule_language::{Condition, Formula, Variables};
use crate::{DbEnum, FieldError};

/// The most items a template holds (repeats included when planned).
pub const MAX_ITEMS: usize = 200;
/// The most copies one item makes for a build.
const MAX_COPIES: i64 = 20;

/// A template as the editor holds it: every field still text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChecklistTemplateDraft {
    pub review_required: bool,
    pub items: Vec<ChecklistItemDraft>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChecklistItemDraft {
    pub category: String,
    /// `{n}` becomes the copy's number when `repeat` is set.
    pub description: String,
    /// A `QcItemType` as the database spells it.
    pub item_type: String,
    pub specification: String,
    pub nominal: String,
    /// A `ToleranceKind` as the database spells it; empty for no spec.
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
    /// Empty: every build gets the item.
    pub condition: String,
    /// Empty: one copy.
    pub repeat: String,
}

/// One item of a checked template.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateItem {
    pub category: String,
    pub description: String,
    pub item_type: QcItemType,
    pub specification: String,
    pub spec: Option<Spec>,
    pub procedure: String,
    pub tools: Vec<String>,
    pub photo_required: bool,
    pub document_required: bool,
    pub signature_required: bool,
    pub required: bool,
    pub condition: Option<Condition>,
    pub repeat: Option<Formula>,
}

/// A checked template, its items in template order.
#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistTemplate {
    pub review_required: bool,
    items: Vec<TemplateItem>,
}

impl ChecklistTemplate {
    pub fn items(&self) -> &[TemplateItem] {
        &self.items
    }
}

/// One item a build's checklist gets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedItem {
    /// 1, 2, … in template order, copies one after the other.
    pub number: i32,
    pub category: String,
    pub description: String,
    pub item_type: QcItemType,
    pub specification: String,
    pub spec: Option<Spec>,
    pub procedure: String,
    pub tools: Vec<String>,
    pub photo_required: bool,
    pub document_required: bool,
    pub signature_required: bool,
    pub required: bool,
}

/// An item's field as the editor and the server name it: `"3:condition"`.
pub fn item_field(index: usize, field: &str) -> String {
    format!("{index}:{field}")
}

/// The template the draft's text makes, or every problem in it.
pub fn read_template(draft: &ChecklistTemplateDraft) -> Result<ChecklistTemplate, Vec<FieldError>> {
    if draft.items.is_empty() || draft.items.len() > MAX_ITEMS {
        return Err(vec![FieldError::new(
            "items",
            format!("A checklist has 1 to {MAX_ITEMS} items."),
        )]);
    }
    let mut errors = Vec::new();
    let items: Vec<Option<TemplateItem>> = draft
        .items
        .iter()
        .enumerate()
        .map(|(index, item)| read_item(index, item, &mut errors))
        .collect();
    match items.into_iter().collect::<Option<Vec<_>>>() {
        Some(items) if errors.is_empty() => Ok(ChecklistTemplate {
            review_required: draft.review_required,
            items,
        }),
        _ => Err(errors),
    }
}

fn read_item(
    index: usize,
    draft: &ChecklistItemDraft,
    errors: &mut Vec<FieldError>,
) -> Option<TemplateItem> {
    let mut at = |field: &str, message: String| {
        errors.push(FieldError::new(&item_field(index, field), message))
    };
    let description = draft.description.trim();
    if description.is_empty() {
        at("description", "Say what is checked.".into());
    }
    let item_type = QcItemType::parse(&draft.item_type)
        .map_err(|_| at("item_type", "Choose the kind of check.".into()))
        .ok();
    let spec = read_spec(draft).map_err(|error| at(&error.field, error.message));
    let spec = match (item_type, spec) {
        (Some(QcItemType::Measurement), Ok(None)) => {
            at(
                "tolerance_kind",
                "A measurement needs its tolerance: choose how the value is judged.".into(),
            );
            None
        }
        (Some(kind), Ok(Some(_))) if kind != QcItemType::Measurement => {
            at(
                "tolerance_kind",
                "Only a measurement has a tolerance: leave it empty, or make the item a measurement."
                    .into(),
            );
            None
        }
        (_, Ok(spec)) => Some(spec),
        (_, Err(())) => None,
    };
    let condition = match draft.condition.trim() {
        "" => Some(None),
        text => Condition::parse(text)
            .map(Some)
            .map_err(|error| at("condition", error.to_string()))
            .ok(),
    };
    let repeat = match draft.repeat.trim() {
        "" => Some(None),
        text => Formula::parse(text)
            .map(Some)
            .map_err(|error| at("repeat", error.to_string()))
            .ok(),
    };
    Some(TemplateItem {
        category: draft.category.trim().to_owned(),
        description: (!description.is_empty()).then(|| description.to_owned())?,
        item_type: item_type?,
        specification: draft.specification.trim().to_owned(),
        spec: spec?,
        procedure: draft.procedure.trim().to_owned(),
        tools: draft
            .tools
            .lines()
            .map(str::trim)
            .filter(|tool| !tool.is_empty())
            .map(str::to_owned)
            .collect(),
        photo_required: draft.photo_required,
        document_required: draft.document_required,
        signature_required: draft.signature_required,
        required: draft.required,
        condition: condition?,
        repeat: repeat?,
    })
}

/// The item's spec, `None` when it names no tolerance.
fn read_spec(draft: &ChecklistItemDraft) -> Result<Option<Spec>, FieldError> {
    if draft.tolerance_kind.trim().is_empty() {
        return Ok(None);
    }
    let number = |field: &str, text: &str| -> Result<Option<Decimal>, FieldError> {
        match text.trim() {
            "" => Ok(None),
            text => text
                .parse::<Decimal>()
                .map(Some)
                .map_err(|_| FieldError::new(field, "Enter a number, e.g. 1.5.")),
        }
    };
    let parts = SpecParts {
        nominal: number("nominal", &draft.nominal)?,
        tolerance_kind: draft.tolerance_kind.trim().to_owned(),
        tolerance_plus: number("tolerance_plus", &draft.tolerance_plus)?,
        tolerance_minus: number("tolerance_minus", &draft.tolerance_minus)?,
        unit: draft.unit.trim().to_owned(),
    };
    Spec::from_parts(&parts).map(Some)
}

/// A rule of the template that fails for a build's configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistPlanFailure {
    pub index: usize,
    pub field: &'static str,
    pub error: String,
}

impl std::fmt::Display for ChecklistPlanFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "item {}, {}: {}",
            self.index + 1,
            self.field,
            self.error
        )
    }
}

/// The items `template` gives the build `vars` describes: those whose
/// condition holds, each repeated as its formula says, numbered in order.
pub fn plan_checklist(
    template: &ChecklistTemplate,
    vars: &dyn Variables,
) -> Result<Vec<PlannedItem>, ChecklistPlanFailure> {
    let mut planned = Vec::new();
    for (index, item) in template.items.iter().enumerate() {
        let failed = |field: &'static str, error: String| ChecklistPlanFailure {
            index,
            field,
            error,
        };
        if let Some(condition) = &item.condition {
            let (holds, _) = condition
                .holds(vars)
                .map_err(|error| failed("condition", error.to_string()))?;
            if !holds {
                continue;
            }
        }
        let copies = match &item.repeat {
            None => None,
            Some(formula) => {
                let (count, _) = formula
                    .quantity(vars)
                    .map_err(|error| failed("repeat", error.to_string()))?;
                Some(
                    Some(count)
                        .filter(|count| count.fract().is_zero())
                        .and_then(|count| count.to_i64())
                        .filter(|count| (0..=MAX_COPIES).contains(count))
                        .ok_or_else(|| {
                            failed(
                                "repeat",
                                format!("{count} copies: an item is repeated 0 to {MAX_COPIES} times"),
                            )
                        })?,
                )
            }
        };
        let numbered: Vec<Option<i64>> = match copies {
            None => vec![None],
            Some(count) => (1..=count).map(Some).collect(),
        };
        for copy in numbered {
            if planned.len() >= MAX_ITEMS {
                return Err(failed(
                    "repeat",
                    format!("the checklist would have more than {MAX_ITEMS} items"),
                ));
            }
            let description = match copy {
                Some(n) => item.description.replace("{n}", &n.to_string()),
                None => item.description.clone(),
            };
            planned.push(PlannedItem {
                number: i32::try_from(planned.len() + 1).unwrap_or(i32::MAX),
                category: item.category.clone(),
                description,
                item_type: item.item_type,
                specification: item.specification.clone(),
                spec: item.spec,
                procedure: item.procedure.clone(),
                tools: item.tools.clone(),
                photo_required: item.photo_required,
                document_required: item.document_required,
                signature_required: item.signature_required,
                required: item.required,
            });
        }
    }
    Ok(planned)
}
