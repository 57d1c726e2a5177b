//! Scenarios a production coordinator would check, on the endoscope
//! reprocessing family with catalogue parts attached to its options.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::{
    Bom, PartFacts, ResolvedLine, Template, TemplateLineDraft, cost, parse_template, resolve,
    variables,
};
use crate::rule_language::Value;
use crate::sink::test_family::esr;
use crate::sink::{FamilyOptions, OptionGroup, SinkChoices, check};

mod checking;
mod costing;
mod diffing;
mod explanations;
mod failures;
mod generation;
mod properties;
mod selecting;
mod template_problems;
mod template_reading;
mod tree_rows;
mod trying;
mod vars;

pub(super) fn decimal(text: &str) -> Decimal {
    text.parse().unwrap()
}

/// The ESR family with the catalogue parts its options bring.
pub(super) fn family() -> FamilyOptions {
    let mut family = esr();
    let parts = [
        (OptionGroup::Pegboard, "STANDARD", "121-PEG-STD"),
        (OptionGroup::Pegboard, "CUSTOM", "121-PEG-CUSTOM"),
        (OptionGroup::Faucet, "GOOSENECK_WRIST_BLADE", "130-FCT-GN"),
        (OptionGroup::Drain, "LEVER", "140-DRN-LEV"),
        (OptionGroup::Drain, "ELECTRONIC", "140-DRN-ELEC"),
        (OptionGroup::Accessory, "DOSING_PUMP", "150-DOSE"),
    ];
    for option in &mut family.options {
        option.part_number = parts
            .iter()
            .find(|(group, code, _)| option.group == *group && option.code == *code)
            .map(|(_, _, part)| part.to_string());
    }
    family
}

/// A buildable ESR sink with `basins` basins.
pub(super) fn sink(basins: usize) -> SinkChoices {
    let family = family();
    let mut choices = SinkChoices::defaults_for(&family);
    choices.set_basin_count(basins, &family);
    assert!(check(&choices, &family).is_empty());
    choices
}

pub(super) fn vars_of(choices: &SinkChoices) -> BTreeMap<String, Value> {
    assert!(check(choices, &family()).is_empty(), "{choices:?}");
    variables(choices, &family()).unwrap()
}

/// A top-level line of one fixed part.
pub(super) fn line(line_number: i32, part_number: &str) -> TemplateLineDraft {
    TemplateLineDraft {
        line_number,
        part_number: part_number.to_owned(),
        ..TemplateLineDraft::default()
    }
}

/// A top-level line whose part comes from a pattern.
pub(super) fn patterned(line_number: i32, pattern: &str) -> TemplateLineDraft {
    TemplateLineDraft {
        part_pattern: pattern.to_owned(),
        ..line(line_number, "")
    }
}

/// A phantom line without a part: structure only.
pub(super) fn phantom(line_number: i32, description: &str) -> TemplateLineDraft {
    TemplateLineDraft {
        phantom: true,
        description: description.to_owned(),
        ..line(line_number, "")
    }
}

pub(super) fn under(parent: i32, draft: TemplateLineDraft) -> TemplateLineDraft {
    TemplateLineDraft {
        parent_line: Some(parent),
        ..draft
    }
}

pub(super) fn with_formula(draft: TemplateLineDraft, formula: &str) -> TemplateLineDraft {
    TemplateLineDraft {
        quantity_formula: formula.to_owned(),
        ..draft
    }
}

pub(super) fn with_quantity(draft: TemplateLineDraft, base: &str) -> TemplateLineDraft {
    TemplateLineDraft {
        base_quantity: base.to_owned(),
        ..draft
    }
}

pub(super) fn when(draft: TemplateLineDraft, condition: &str) -> TemplateLineDraft {
    TemplateLineDraft {
        include_condition: condition.to_owned(),
        ..draft
    }
}

pub(super) fn template(drafts: &[TemplateLineDraft]) -> Template {
    parse_template(drafts).unwrap()
}

pub(super) fn resolved(drafts: &[TemplateLineDraft], choices: &SinkChoices) -> Vec<ResolvedLine> {
    resolve(&template(drafts), &vars_of(choices)).unwrap()
}

/// Any part number that starts with a digit is in the catalogue at $10.25
/// and 2 lb a unit, except those ending in `-NOWT`, whose weight is unknown;
/// those with `-FT` in the number are measured (feet), every other is
/// counted in whole units.
pub(super) fn catalogue(part_number: &str) -> Option<PartFacts> {
    part_number
        .starts_with(|c: char| c.is_ascii_digit())
        .then(|| PartFacts {
            unit_cost: decimal("10.25"),
            weight: (!part_number.ends_with("-NOWT")).then(|| decimal("2")),
            whole_units: !part_number.contains("-FT"),
        })
}

pub(super) fn bom(drafts: &[TemplateLineDraft], choices: &SinkChoices) -> Bom {
    cost(resolved(drafts, choices), &catalogue).unwrap()
}

/// Each line as (line number, part number, quantity required).
pub(super) fn summary(lines: &[ResolvedLine]) -> Vec<(i32, String, String)> {
    lines
        .iter()
        .map(|line| {
            (
                line.line_number,
                line.part_number.clone().unwrap_or_default(),
                line.quantity_required.to_string(),
            )
        })
        .collect()
}
