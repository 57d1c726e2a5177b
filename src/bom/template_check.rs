//! A template as the editor checks it while the admin types and the server
//! checks it again before saving: the template's own fields and every line
//! read, then, once every rule reads, every rule tried on the family's
//! sample configurations. Each problem is keyed by the field the editor
//! shows it at, so the browser and the server say the same thing in the
//! same place. A template holds at most `MAX_LINES` lines, counted before
//! anything else is read, so what a request can make the checks do is
//! bounded whatever it sends.

use super::{
    LineProblem, Selection, Template, TemplateHeader, TemplateLineDraft, parse_template, trial,
};
use crate::FieldError;
use crate::sink::FamilyOptions;

/// The most lines a template holds. A real one has a few hundred, the
/// largest a few thousand; every check after this one is linear in them.
pub const MAX_LINES: usize = 5_000;

/// Refuses more lines than a template holds, at the `lines` field.
pub fn within_line_cap(lines: &[TemplateLineDraft]) -> Result<(), FieldError> {
    match lines.len() {
        count if count > MAX_LINES => Err(FieldError::new(
            "lines",
            format!("A template holds at most {MAX_LINES} lines; this one has {count}."),
        )),
        _ => Ok(()),
    }
}

/// A line's field as the editor and the server name it: `"110:quantity_formula"`.
pub fn line_field(line_number: i32, field: &str) -> String {
    format!("{line_number}:{field}")
}

fn line_error(problem: &LineProblem) -> FieldError {
    FieldError {
        field: line_field(problem.line_number, problem.field.as_str()),
        message: problem.message.clone(),
    }
}

/// The template the header and lines make, or every problem the browser
/// can find in them (only the line count when there are too many): what their text breaks, and, once every rule reads,
/// the rules that fail for one of the family's sample configurations.
pub fn check_template(
    header: &TemplateHeader,
    lines: &[TemplateLineDraft],
    family: &FamilyOptions,
) -> Result<Template, Vec<FieldError>> {
    within_line_cap(lines).map_err(|error| vec![error])?;
    let mut errors = header.problems();
    let template =
        parse_template(lines).map_err(|problems| errors.extend(problems.iter().map(line_error)));
    if let (Ok(template), Ok(selection)) = (&template, Selection::parse(&header.rule)) {
        errors.extend(trial_problems(&selection, template, family));
    }
    match template {
        Ok(template) if errors.is_empty() => Ok(template),
        _ => Err(errors),
    }
}

/// The rules that fail when worked out for one of the family's sample
/// configurations, each at its field.
fn trial_problems(
    selection: &Selection,
    template: &Template,
    family: &FamilyOptions,
) -> Vec<FieldError> {
    let found = trial(selection, template, family);
    let selection = found.selection.map(|error| {
        FieldError::new(
            "rule",
            format!("Fails for a sample {} configuration: {error}.", family.name),
        )
    });
    let lines = found.lines.into_iter().map(|failure| {
        FieldError::new(
            &line_field(failure.line_number, failure.field.as_str()),
            format!(
                "Fails for a sample {} configuration: {}.",
                family.name, failure.error
            ),
        )
    });
    selection.into_iter().chain(lines).collect()
}
