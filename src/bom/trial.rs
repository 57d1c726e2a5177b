//! A template tried before it is saved. Reading a rule finds what is wrong
//! with its text; some rules read well and fail only when worked out
//! (`basin_count / 0`, `1 / 0 > 1`), which would otherwise surface at a
//! sink's approval. Saving works the selection rule and every line out for
//! the family's sample configurations (`samples`), and refuses a rule that
//! fails for any of them at the rule's own field.

use super::resolve::failures;
use super::selection::Selection;
use super::template::Template;
use super::variables::variables;
use super::{LineFailure, MAX_NAMED_BASINS};
use crate::DbEnum;
use crate::rule_language::RuleError;
use crate::sink::{
    AccessoryChoice, FamilyOptions, LegKind, OptionGroup, PegboardKind, STANDARD_PEGBOARD_HEIGHT,
    SinkChoices, check,
};

/// What failed when a template was tried.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrialFailures {
    /// The selection rule's first failure.
    pub selection: Option<RuleError>,
    /// The first failure of each rule of each line, in line order.
    pub lines: Vec<LineFailure>,
}

impl TrialFailures {
    pub fn is_empty(&self) -> bool {
        self.selection.is_none() && self.lines.is_empty()
    }
}

/// Buildable configurations of `family` that between them have every basin
/// count a template can name and every option of the family, each other
/// choice at its default.
/// Every rule that fails for one of the family's sample configurations,
/// at its field, once per field: `failures` works a rule set out for one
/// configuration's variables and names each failing field and why. The
/// route and checklist-template editors refuse what this finds.
pub fn sample_failures<F>(family: &FamilyOptions, failures: F) -> Vec<crate::FieldError>
where
    F: Fn(&dyn crate::rule_language::Variables) -> Vec<(String, String)>,
{
    let mut found = std::collections::BTreeMap::new();
    for choices in samples(family) {
        let Ok(vars) = variables(&choices, family) else {
            continue;
        };
        for (field, error) in failures(&vars) {
            found.entry(field).or_insert_with(|| {
                format!("Fails for a sample {} configuration: {error}.", family.name)
            });
        }
    }
    found
        .into_iter()
        .map(|(field, message)| crate::FieldError { field, message })
        .collect()
}

pub fn samples(family: &FamilyOptions) -> Vec<SinkChoices> {
    let base = SinkChoices::defaults_for(family);
    let widest = family.limits.width.max.normalize().to_string();
    let mut candidates = Vec::new();
    for count in 1..=family.limits.max_basins.min(MAX_NAMED_BASINS) {
        let mut choices = base.clone();
        choices.set_basin_count(count, family);
        candidates.push(choices.clone());
        choices.width.clone_from(&widest);
        candidates.push(choices);
    }
    // Mountings and supports depend on each other (wall brackets only for
    // a wall-hung sink): every pair is tried, adjustable ones over the
    // family's whole height range.
    for mounting in family.in_group(OptionGroup::Mounting) {
        for legs in family.in_group(OptionGroup::Legs) {
            let mut choices = base.clone();
            choices.mounting.clone_from(&mounting.code);
            choices.legs.clone_from(&legs.code);
            if choices.leg_kind().is_some_and(LegKind::adjustable) {
                let heights = family.limits.height;
                choices.leg_height_min = heights.min.normalize().to_string();
                choices.leg_height_max = heights.max.normalize().to_string();
            }
            candidates.push(choices);
        }
    }
    for option in &family.options {
        let mut choices = base.clone();
        let code = option.code.clone();
        match option.group {
            OptionGroup::Mounting | OptionGroup::Legs => continue,
            OptionGroup::Material => choices.material = code,
            OptionGroup::Finish => choices.finish = code,
            OptionGroup::DrainPosition => choices.basins[0].drain_position = code,
            OptionGroup::Pegboard => {
                if PegboardKind::parse(&code) == Ok(PegboardKind::Custom) {
                    choices.pegboard_width.clone_from(&choices.width);
                    choices.pegboard_height = STANDARD_PEGBOARD_HEIGHT.to_string();
                }
                choices.pegboard = code;
            }
            OptionGroup::Faucet => choices.faucet = code,
            OptionGroup::Drain => choices.drain = code,
            OptionGroup::Accessory => {
                choices.accessories = vec![AccessoryChoice {
                    code,
                    quantity: "1".to_owned(),
                }];
            }
        }
        candidates.push(choices);
    }
    let mut samples: Vec<SinkChoices> = Vec::new();
    for choices in candidates {
        if check(&choices, family).is_empty() && !samples.contains(&choices) {
            samples.push(choices);
        }
    }
    samples
}

/// Works `selection` out for every sample and `template`'s lines for the
/// samples it selects.
pub fn trial(selection: &Selection, template: &Template, family: &FamilyOptions) -> TrialFailures {
    let mut found = TrialFailures::default();
    for choices in samples(family) {
        let Ok(vars) = variables(&choices, family) else {
            continue;
        };
        match selection.matches(&vars) {
            Err(error) => {
                found.selection.get_or_insert(error);
            }
            Ok(false) => {}
            Ok(true) => {
                for failure in failures(template, &vars) {
                    let known = found.lines.iter().any(|seen| {
                        (seen.line_number, seen.field) == (failure.line_number, failure.field)
                    });
                    if !known {
                        found.lines.push(failure);
                    }
                }
            }
        }
    }
    found
        .lines
        .sort_by_key(|failure| (failure.line_number, failure.field));
    found
}
