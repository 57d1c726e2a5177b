use super::draft::TemplateLineDraft;
use super::hierarchy::Hierarchy;
use super::line_fields::{
    base_quantity, fits, fixed_part, optional, part_pattern, route_step, scrap_factor,
};
use super::problem::{LineProblem, TemplateField};
use super::structure::levels;
use super::template::{PartSource, Quantity, Template, TemplateLine};
use crate::rule_language::{Condition, Formula};

/// Reads and checks every line, reporting every problem at its field so the
/// editor can show them all at once.
pub fn parse_template(drafts: &[TemplateLineDraft]) -> Result<Template, Vec<LineProblem>> {
    let mut problems = Vec::new();
    let levels = levels(drafts, &mut problems);
    let lines: Vec<Option<TemplateLine>> = drafts
        .iter()
        .zip(levels)
        .map(|(draft, level)| parse_line(draft, level, &mut problems))
        .collect();
    let lines: Option<Vec<TemplateLine>> = lines.into_iter().collect();
    match lines {
        Some(lines) if problems.is_empty() => Ok(Template {
            lines: depth_first(lines),
        }),
        _ => {
            problems.sort_by_key(|problem| (problem.line_number, problem.field));
            Err(problems)
        }
    }
}

fn depth_first(mut lines: Vec<TemplateLine>) -> Vec<TemplateLine> {
    lines.sort_by_key(|line| line.line_number);
    let links: Vec<_> = lines
        .iter()
        .map(|line| (line.line_number, line.parent_line))
        .collect();
    let mut slots: Vec<Option<TemplateLine>> = lines.into_iter().map(Some).collect();
    Hierarchy::new(&links)
        .depth_first()
        .into_iter()
        .filter_map(|visit| slots.get_mut(visit.index).and_then(Option::take))
        .collect()
}

/// The line when every field reads and it has a level.
fn parse_line(
    draft: &TemplateLineDraft,
    level: Option<u8>,
    problems: &mut Vec<LineProblem>,
) -> Option<TemplateLine> {
    let mut report = Report {
        line_number: draft.line_number,
        problems,
    };
    let part = report.at(TemplateField::PartNumber, fixed_part(draft));
    let pattern = report.at(
        TemplateField::PartPattern,
        fits(TemplateField::PartPattern, &draft.part_pattern).and_then(|()| part_pattern(draft)),
    );
    let base = report.at(
        TemplateField::BaseQuantity,
        base_quantity(&draft.base_quantity),
    );
    let formula = report.at(
        TemplateField::QuantityFormula,
        fits(TemplateField::QuantityFormula, &draft.quantity_formula)
            .and_then(|()| optional(&draft.quantity_formula, Formula::parse, Formula::check)),
    );
    let include = report.at(
        TemplateField::IncludeCondition,
        fits(TemplateField::IncludeCondition, &draft.include_condition)
            .and_then(|()| optional(&draft.include_condition, Condition::parse, Condition::check)),
    );
    let scrap_factor = report.at(
        TemplateField::ScrapFactor,
        scrap_factor(&draft.scrap_factor),
    );
    let description = report.at(
        TemplateField::Description,
        fits(TemplateField::Description, &draft.description),
    );
    let route_step = report.at(TemplateField::RouteStep, route_step(&draft.route_step));
    let part = match (part?, pattern?) {
        (Some(fixed), None) => Some(PartSource::Fixed(fixed)),
        (None, Some(pattern)) => Some(PartSource::Pattern(pattern)),
        _ => None,
    };
    description?;
    Some(TemplateLine {
        line_number: draft.line_number,
        parent_line: draft.parent_line,
        level: level?,
        part,
        quantity: formula?.map_or(Quantity::Fixed(base?), Quantity::Formula),
        include: include?,
        scrap_factor: scrap_factor?,
        phantom: draft.phantom,
        description: draft.description.trim().to_owned(),
        route_step: route_step?,
    })
}

struct Report<'a> {
    line_number: i32,
    problems: &'a mut Vec<LineProblem>,
}

impl Report<'_> {
    fn at<T>(&mut self, field: TemplateField, read: Result<T, String>) -> Option<T> {
        read.map_err(|message| {
            self.problems
                .push(LineProblem::new(self.line_number, field, message))
        })
        .ok()
    }
}
