//! The checks the editor shows as the admin types and the server repeats
//! before saving: the template's own fields, every line, and every rule
//! tried on the family's sample configurations, each problem keyed by the
//! field it belongs to.

use torvan::FieldError;
use torvan::bom::{LineProblem, Selection, Template, TemplateLineDraft, parse_template, trial};
use torvan::sink::FamilyOptions;

use super::api::TemplateHeader;

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

/// The priority when it is a whole number from 0 to 10000.
pub fn priority(header: &TemplateHeader) -> Option<i32> {
    header
        .priority
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|priority| (0..=10_000).contains(priority))
}

fn header_problems(header: &TemplateHeader) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let name = header.name.trim();
    if name.is_empty() || name.chars().count() > 255 {
        errors.push(FieldError::new(
            "name",
            "Give the template a name of at most 255 characters.",
        ));
    }
    if let Err(error) = Selection::parse(&header.rule) {
        errors.push(FieldError::new("rule", error.to_string()));
    }
    if priority(header).is_none() {
        errors.push(FieldError::new(
            "priority",
            "Give a whole number from 0 to 10000: lower is tried first.",
        ));
    }
    errors
}

/// The template the header and lines make, or every problem the browser
/// can find in them: what their text breaks, and, once every rule reads,
/// the rules that fail for one of the family's sample configurations.
pub fn check(
    header: &TemplateHeader,
    lines: &[TemplateLineDraft],
    family: &FamilyOptions,
) -> Result<Template, Vec<FieldError>> {
    let mut errors = header_problems(header);
    let template = read_lines(lines).map_err(|problems| errors.extend(problems));
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

/// The template the lines make, or every problem at its field.
fn read_lines(lines: &[TemplateLineDraft]) -> Result<Template, Vec<FieldError>> {
    parse_template(lines).map_err(|problems| problems.iter().map(line_error).collect())
}
