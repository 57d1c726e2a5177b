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
/// the template, loops of parents (each once) and nesting deeper than
/// `MAX_LEVEL`. Every line walks up to a line already settled, so the
/// whole is linear in the number of lines, problems included.
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

/// Lines of a loop named in full; a longer loop is named by its first
/// lines and its last, so the one message stays short however long the
/// loop a tampered request sends.
const LOOP_NAMED_IN_FULL: usize = 8;

/// A loop is reported once, at its lowest line number and walked from
/// there: telling every line of it the whole loop would cost the square of
/// its length.
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
    let Some(lowest) = (0..numbers.len()).min_by_key(|&at| numbers.get(at)) else {
        return;
    };
    let walk: Vec<i32> = numbers
        .iter()
        .cycle()
        .skip(lowest)
        .take(numbers.len() + 1)
        .copied()
        .collect();
    let message = match walk.len() - 1 {
        length if length <= LOOP_NAMED_IN_FULL => {
            format!("Its parents lead back to itself: {}.", arrows(&walk))
        }
        length => format!(
            "Its parents lead back to itself through {length} lines: {} → … → {}.",
            arrows(&walk[..LOOP_NAMED_IN_FULL / 2]),
            arrows(&walk[length - 1..]),
        ),
    };
    if let Some(&number) = walk.first() {
        problems.push(LineProblem::new(number, TemplateField::ParentLine, message));
    }
}

fn arrows(numbers: &[i32]) -> String {
    let numbers: Vec<String> = numbers.iter().map(i32::to_string).collect();
    numbers.join(" → ")
}
