use std::collections::HashMap;

use rust_decimal::Decimal;

use super::explanation::Explanation;
use super::line_rules::{failure, included, part_number, per_assembly, stored};
use super::resolved_line::{LineFailure, ResolvedLine};
use super::template::{Template, TemplateLine};
use crate::rule_language::{Position, RuleError, RuleErrorKind, Value, ValueKind, Variables};

/// The lines `template` gives for the configuration `vars` describes, in
/// template order. A line whose condition is false or whose quantity is 0
/// is left out, and with it its children.
pub fn resolve(
    template: &Template,
    vars: &dyn Variables,
) -> Result<Vec<ResolvedLine>, LineFailure> {
    let mut failures = Vec::new();
    let resolved = walk(template, vars, &mut |failure| {
        failures.push(failure);
        Walk::Stop
    });
    match failures.pop() {
        Some(failure) => Err(failure),
        None => Ok(resolved),
    }
}

/// Every line of `template` that fails for `vars`, in template order: a
/// failing line is left out with its children and the others are still
/// worked out, so one pass finds every failing rule.
pub fn failures(template: &Template, vars: &dyn Variables) -> Vec<LineFailure> {
    let mut failures = Vec::new();
    walk(template, vars, &mut |failure| {
        failures.push(failure);
        Walk::Continue
    });
    failures
}

enum Walk {
    Stop,
    Continue,
}

fn walk(
    template: &Template,
    vars: &dyn Variables,
    on_failure: &mut dyn FnMut(LineFailure) -> Walk,
) -> Vec<ResolvedLine> {
    let mut required_of = HashMap::new();
    let mut resolved = Vec::new();
    for line in template.lines() {
        let parent_required = match line.parent_line {
            None => sinks(vars).map_err(|error| failure(line, line.quantity.field(), error)),
            Some(parent) => match required_of.get(&parent) {
                Some(required) => Ok(*required),
                None => continue,
            },
        };
        match parent_required.and_then(|required| resolve_line(line, required, vars)) {
            Ok(Some(line)) => {
                required_of.insert(line.line_number, line.quantity_required);
                resolved.push(line);
            }
            Ok(None) => {}
            Err(failure) => {
                if let Walk::Stop = on_failure(failure) {
                    break;
                }
            }
        }
    }
    resolved
}

/// The part is rendered last so a pattern that only makes sense for the
/// lines included (`basin3.width`) is not evaluated for the others.
fn resolve_line(
    line: &TemplateLine,
    parent_required: Decimal,
    vars: &dyn Variables,
) -> Result<Option<ResolvedLine>, LineFailure> {
    let mut explanation = Explanation {
        template_line: line.line_number,
        formula: String::new(),
        quantity: Decimal::ZERO,
        condition: None,
        pattern: None,
        values: Vec::new(),
    };
    if !included(line, vars, &mut explanation)? {
        return Ok(None);
    }
    let per_assembly = per_assembly(line, vars, &mut explanation)?;
    let required = per_assembly
        .checked_mul(parent_required)
        .map(stored)
        .ok_or_else(|| {
            failure(
                line,
                line.quantity.field(),
                at_start(RuleErrorKind::NumberTooLarge),
            )
        })?;
    if required.is_zero() {
        return Ok(None);
    }
    Ok(Some(ResolvedLine {
        line_number: line.line_number,
        parent_line: line.parent_line,
        level: line.level,
        part_number: part_number(line, vars, &mut explanation)?,
        quantity_per_assembly: per_assembly,
        quantity_required: required,
        scrap_factor: line.scrap_factor,
        phantom: line.phantom,
        description: line.description.clone(),
        explanation,
        route_step: line.route_step.clone(),
    }))
}

/// How many sinks the configuration is for, which multiplies every
/// top-level line.
fn sinks(vars: &dyn Variables) -> Result<Decimal, RuleError> {
    match vars.get("quantity") {
        Some(Value::Number(sinks)) => Ok(sinks),
        Some(other) => Err(at_start(RuleErrorKind::TypeMismatch {
            expected: ValueKind::Number,
            found: other.kind(),
        })),
        None => Err(at_start(RuleErrorKind::UnknownVariable(
            "quantity".to_owned(),
        ))),
    }
}

/// For failures of the line as a whole rather than of a place in a rule.
fn at_start(kind: RuleErrorKind) -> RuleError {
    RuleError {
        kind,
        at: Position::START,
    }
}
