use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::draft::TemplateLineDraft;
use super::problem::{LineProblem, TemplateField};

/// Deepest level a BOM stores, the top being 1.
pub const MAX_LEVEL: u8 = 10;

#[derive(Debug, Clone, Copy)]
enum State {
    Unvisited,
    Visiting,
    Level(u8),
    Broken,
}

/// Each line's level, reporting line numbers used twice, parents not in
/// the template, loops of parents and nesting deeper than `MAX_LEVEL`.
/// Every line walks up to a line already settled, so the whole is linear.
pub(super) fn levels(
    drafts: &[TemplateLineDraft],
    problems: &mut Vec<LineProblem>,
) -> Vec<Option<u8>> {
    let mut by_number = HashMap::with_capacity(drafts.len());
    for (index, draft) in drafts.iter().enumerate() {
        match by_number.entry(draft.line_number) {
            Entry::Vacant(entry) => {
                entry.insert(index);
            }
            Entry::Occupied(_) => problems.push(LineProblem::new(
                draft.line_number,
                TemplateField::LineNumber,
                format!(
                    "Line {} is used twice: give each line its own number.",
                    draft.line_number
                ),
            )),
        }
    }
    let mut states = vec![State::Unvisited; drafts.len()];
    for start in 0..drafts.len() {
        settle(start, drafts, &by_number, &mut states, problems);
    }
    states
        .into_iter()
        .map(|state| match state {
            State::Level(level) => Some(level),
            _ => None,
        })
        .collect()
}

fn settle(
    start: usize,
    drafts: &[TemplateLineDraft],
    by_number: &HashMap<i32, usize>,
    states: &mut [State],
    problems: &mut Vec<LineProblem>,
) {
    let mut chain = Vec::new();
    let mut at = start;
    let mut level = loop {
        match states.get(at) {
            Some(State::Unvisited) => {}
            Some(State::Level(level)) => break Some(*level),
            Some(State::Visiting) => {
                report_loop(&chain, at, drafts, problems);
                break None;
            }
            Some(State::Broken) | None => break None,
        }
        let (Some(state), Some(draft)) = (states.get_mut(at), drafts.get(at)) else {
            break None;
        };
        *state = State::Visiting;
        chain.push(at);
        let Some(parent) = draft.parent_line else {
            break Some(0);
        };
        match by_number.get(&parent) {
            Some(&index) => at = index,
            None => {
                problems.push(LineProblem::new(
                    draft.line_number,
                    TemplateField::ParentLine,
                    format!("There is no line {parent} in this template."),
                ));
                break None;
            }
        }
    };
    for &index in chain.iter().rev() {
        level = level.map(|parent| parent + 1);
        if level > Some(MAX_LEVEL) {
            if let Some(draft) = drafts.get(index) {
                problems.push(LineProblem::new(
                    draft.line_number,
                    TemplateField::ParentLine,
                    format!(
                        "Lines nest at most {MAX_LEVEL} levels deep; this one would be deeper."
                    ),
                ));
            }
            level = None;
        }
        if let Some(state) = states.get_mut(index) {
            *state = level.map_or(State::Broken, State::Level);
        }
    }
}

/// Each line of the loop is told the loop as seen from itself.
fn report_loop(
    chain: &[usize],
    back_at: usize,
    drafts: &[TemplateLineDraft],
    problems: &mut Vec<LineProblem>,
) {
    let numbers: Vec<i32> = chain
        .iter()
        .skip_while(|&&index| index != back_at)
        .filter_map(|&index| drafts.get(index).map(|draft| draft.line_number))
        .collect();
    for (start, number) in numbers.iter().enumerate() {
        let walk: Vec<String> = numbers
            .iter()
            .cycle()
            .skip(start)
            .take(numbers.len() + 1)
            .map(i32::to_string)
            .collect();
        problems.push(LineProblem::new(
            *number,
            TemplateField::ParentLine,
            format!("Its parents lead back to itself: {}.", walk.join(" → ")),
        ));
    }
}
