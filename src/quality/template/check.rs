//! Reading a checklist template draft: every field of every item, then,
//! once all of it reads, every rule worked out for the family's sample
//! configurations, so a condition or repeat count that fails only for some
//! builds is refused here rather than when an order reaches QC. Problems
//! are keyed `"<item index>:<field>"`, the field the editor shows them at.

use rust_decimal::Decimal;

use super::draft::ChecklistItemDraft;
use super::{COPY_NUMBER, ChecklistTemplate, ChecklistTemplateDraft, TemplateItem, plan};
use crate::bom::sample_failures;
use crate::quality::{QcItemType, Spec, SpecParts, parse_value};
use crate::rule_language::{Condition, Formula};
use crate::sink::FamilyOptions;
use crate::text::{limited, lines};
use crate::{DbEnum, FieldError};

/// The most items a template holds; a real one has thirty or forty.
pub const MAX_ITEMS: usize = 200;
/// `qc_checklist_items.category VARCHAR(100)`.
const MAX_CATEGORY_CHARS: usize = 100;
const MAX_DESCRIPTION_CHARS: usize = 500;
const MAX_SPECIFICATION_CHARS: usize = 1000;
const MAX_PROCEDURE_CHARS: usize = 4000;
const MAX_NOTES_CHARS: usize = 4000;
const MAX_TOOL_CHARS: usize = 100;

/// An item's field as the editor and the server name it: `"3:condition"`.
pub fn item_field(index: usize, field: &str) -> String {
    format!("{index}:{field}")
}

/// The template the draft makes for `family`, or every problem in it: what
/// `read_template` finds, then the rules that fail for a sample
/// configuration.
pub fn check_template(
    draft: &ChecklistTemplateDraft,
    family: &FamilyOptions,
) -> Result<ChecklistTemplate, Vec<FieldError>> {
    let template = read_template(draft)?;
    let errors = trial(&template, family);
    if errors.is_empty() {
        Ok(template)
    } else {
        Err(errors)
    }
}

/// The template the draft's text makes, or every problem in its fields; a
/// stored template is read back through here.
pub fn read_template(draft: &ChecklistTemplateDraft) -> Result<ChecklistTemplate, Vec<FieldError>> {
    if draft.items.is_empty() || draft.items.len() > MAX_ITEMS {
        return Err(vec![FieldError::new(
            "items",
            format!("A checklist has 1 to {MAX_ITEMS} items."),
        )]);
    }
    let mut errors = Vec::new();
    let notes = limited(&draft.notes, MAX_NOTES_CHARS)
        .map_err(|message| errors.push(FieldError::new("notes", message)))
        .ok()
        .flatten()
        .unwrap_or_default();
    let items: Vec<Option<TemplateItem>> = draft
        .items
        .iter()
        .enumerate()
        .map(|(index, item)| read_item(index, item, &mut errors))
        .collect();
    match items.into_iter().collect::<Option<Vec<_>>>() {
        Some(items) if errors.is_empty() => Ok(ChecklistTemplate {
            review_required: draft.review_required,
            notes,
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
    let before = errors.len();
    let mut at = |field: &str, message: String| {
        errors.push(FieldError::new(&item_field(index, field), message))
    };
    let mut text = |field: &str, raw: &str, max: usize, required: bool| {
        match limited(raw, max) {
            Ok(None) if required => at(field, "This field is required.".to_owned()),
            Ok(value) => return value.unwrap_or_default(),
            Err(message) => at(field, message),
        }
        String::new()
    };
    let category = text("category", &draft.category, MAX_CATEGORY_CHARS, true);
    let description = text(
        "description",
        &draft.description,
        MAX_DESCRIPTION_CHARS,
        true,
    );
    let specification = text(
        "specification",
        &draft.specification,
        MAX_SPECIFICATION_CHARS,
        false,
    );
    let procedure = text("procedure", &draft.procedure, MAX_PROCEDURE_CHARS, false);
    let tools = lines(&draft.tools);
    if tools
        .iter()
        .any(|tool| tool.chars().count() > MAX_TOOL_CHARS)
    {
        at(
            "tools",
            format!("Name each tool in at most {MAX_TOOL_CHARS} characters."),
        );
    }
    let item_type = QcItemType::parse(&draft.item_type)
        .map_err(|_| at("item_type", "Choose what kind of check this is.".to_owned()))
        .ok();
    let spec = item_type.and_then(|item_type| read_spec(draft, item_type, &mut at));
    let condition = match draft.condition.trim() {
        "" => Ok(None),
        rule => Condition::parse(rule)
            .map(Some)
            .map_err(|error| at("condition", error.to_string())),
    };
    let repeat = match draft.repeat.trim() {
        "" => Ok(None),
        rule => Formula::parse(rule)
            .map(Some)
            .map_err(|error| at("repeat", error.to_string())),
    };
    let repeats = !draft.repeat.trim().is_empty();
    let numbered = description.contains(COPY_NUMBER);
    if repeats && !numbered {
        at(
            "description",
            format!(
                "Put {COPY_NUMBER} in the description of a repeated check, so each copy says which it is."
            ),
        );
    } else if !repeats && numbered {
        at(
            "description",
            format!(
                "{COPY_NUMBER} numbers the copies of a repeated check: say how many copies, or leave it out."
            ),
        );
    }
    if errors.len() > before {
        return None;
    }
    Some(TemplateItem {
        category,
        description,
        item_type: item_type?,
        specification,
        spec: spec?,
        procedure,
        tools,
        photo_required: draft.photo_required,
        document_required: draft.document_required,
        signature_required: draft.signature_required,
        required: draft.required,
        condition: condition.ok()?,
        repeat: repeat.ok()?,
    })
}

/// A measurement's spec, or `None` for another type with its spec fields
/// empty; `None` (outer) when a problem was reported.
fn read_spec(
    draft: &ChecklistItemDraft,
    item_type: QcItemType,
    at: &mut impl FnMut(&str, String),
) -> Option<Option<Spec>> {
    let fields = [
        ("nominal", &draft.nominal),
        ("tolerance_kind", &draft.tolerance_kind),
        ("tolerance_plus", &draft.tolerance_plus),
        ("tolerance_minus", &draft.tolerance_minus),
        ("unit", &draft.unit),
    ];
    if item_type != QcItemType::Measurement {
        let given: Vec<&str> = fields
            .iter()
            .filter(|(_, value)| !value.trim().is_empty())
            .map(|&(field, _)| field)
            .collect();
        for field in &given {
            at(
                field,
                "Only a measurement has a value, a tolerance and a unit.".to_owned(),
            );
        }
        return given.is_empty().then_some(None);
    }
    let mut number = |field: &str, raw: &str| -> Result<Option<Decimal>, ()> {
        match raw.trim() {
            "" => Ok(None),
            text => parse_value(text)
                .map(Some)
                .map_err(|message| at(field, message)),
        }
    };
    let nominal = number("nominal", &draft.nominal);
    let plus = number("tolerance_plus", &draft.tolerance_plus);
    let minus = number("tolerance_minus", &draft.tolerance_minus);
    let parts = SpecParts {
        nominal: nominal.ok()?,
        tolerance_kind: draft.tolerance_kind.trim().to_owned(),
        tolerance_plus: plus.ok()?,
        tolerance_minus: minus.ok()?,
        unit: draft.unit.trim().to_owned(),
    };
    Spec::from_parts(&parts)
        .map(Some)
        .map_err(|error| at(&error.field, error.message))
        .ok()
}

/// Every rule that fails for one of the family's sample configurations,
/// at its field, once per field.
fn trial(template: &ChecklistTemplate, family: &FamilyOptions) -> Vec<FieldError> {
    sample_failures(family, |vars| {
        plan::failures(template, vars)
            .into_iter()
            .map(|failure| (item_field(failure.index, failure.field), failure.error))
            .collect()
    })
}
