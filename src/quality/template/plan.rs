//! A checklist template worked out for one build: the items whose
//! condition holds for its configuration, each as many times as its repeat
//! formula says, numbered 1, 2, 3… in template order.

use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

use super::{COPY_NUMBER, ChecklistTemplate, TemplateItem};
use crate::quality::{QcItemType, Spec};
use crate::rule_language::{RuleError, Variables};

/// The most copies one item has for a build: more basins than any sink.
pub const MAX_COPIES: u32 = 20;

/// One check a build's checklist has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedItem {
    pub number: i32,
    pub category: String,
    /// With the copy's number in place of `{n}`.
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

/// An item's rule that fails for a configuration, at its field.
#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistPlanFailure {
    pub index: usize,
    pub field: &'static str,
    pub error: String,
}

impl std::fmt::Display for ChecklistPlanFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "item {}, {}: {}", self.index + 1, self.field, self.error)
    }
}

/// The checks `template` gives the build `vars` describes, numbered in
/// template order, or the first rule that fails.
pub fn plan_checklist(
    template: &ChecklistTemplate,
    vars: &dyn Variables,
) -> Result<Vec<PlannedItem>, ChecklistPlanFailure> {
    let mut planned = Vec::new();
    for (index, item) in template.items().iter().enumerate() {
        for copy in 1..=copies(index, item, vars)? {
            let number = i32::try_from(planned.len() + 1)
                .expect("at most MAX_ITEMS × MAX_COPIES items are planned");
            planned.push(planned_item(item, number, copy));
        }
    }
    Ok(planned)
}

/// Every rule of `template` that fails for `vars`, each item's first.
pub(super) fn failures(
    template: &ChecklistTemplate,
    vars: &dyn Variables,
) -> Vec<ChecklistPlanFailure> {
    template
        .items()
        .iter()
        .enumerate()
        .filter_map(|(index, item)| copies(index, item, vars).err())
        .collect()
}

/// How many copies of `item` the build has: none when its condition does
/// not hold.
fn copies(
    index: usize,
    item: &TemplateItem,
    vars: &dyn Variables,
) -> Result<u32, ChecklistPlanFailure> {
    let failed = |field: &'static str, error: String| ChecklistPlanFailure {
        index,
        field,
        error,
    };
    let rule = |field: &'static str| move |error: RuleError| failed(field, error.to_string());
    if let Some(condition) = &item.condition {
        let (holds, _) = condition.holds(vars).map_err(rule("condition"))?;
        if !holds {
            return Ok(0);
        }
    }
    let Some(repeat) = &item.repeat else {
        return Ok(1);
    };
    let (count, _) = repeat.quantity(vars).map_err(rule("repeat"))?;
    count
        .is_integer()
        .then(|| count.to_u32())
        .flatten()
        .filter(|&count| count <= MAX_COPIES)
        .ok_or_else(|| {
            failed(
                "repeat",
                format!("{count} copies: the count is a whole number up to {MAX_COPIES}"),
            )
        })
}

fn planned_item(item: &TemplateItem, number: i32, copy: u32) -> PlannedItem {
    let description = match item.repeat {
        Some(_) => item.description.replace(COPY_NUMBER, &copy.to_string()),
        None => item.description.clone(),
    };
    PlannedItem {
        number,
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
    }
}
