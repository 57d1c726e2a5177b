use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::names::{MAX_NAMED_BASINS, basin_name};
use super::option_variables::{fittings, legs, pegboard};
use crate::rule_language::Value;
use crate::sink::{FamilyOptions, SinkChoices, parse_inches, quantity};

/// Why a configuration gives no variables: only a configuration that has
/// not passed the rules can be unreadable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VariablesError {
    #[error(
        "The configuration's {field} “{value}” cannot be read: validate the configuration first."
    )]
    Unreadable { field: String, value: String },
    #[error("A BOM template names at most {MAX_NAMED_BASINS} basins; this sink has {0}.")]
    TooManyBasins(usize),
}

pub(super) type Vars = BTreeMap<String, Value>;

/// The values a BOM template reads, by name (see `vocabulary`), for a
/// configuration that passed `sink::check`.
pub fn variables(choices: &SinkChoices, family: &FamilyOptions) -> Result<Vars, VariablesError> {
    let mut vars = Vars::new();
    let sinks =
        quantity(&choices.quantity).ok_or_else(|| unreadable("quantity", &choices.quantity))?;
    set(&mut vars, "family", family.code.as_str());
    set(&mut vars, "quantity", Decimal::from(sinks));
    body(&mut vars, choices)?;
    basins(&mut vars, choices)?;
    pegboard(&mut vars, choices, family)?;
    legs(&mut vars, choices, family)?;
    fittings(&mut vars, choices, family)?;
    Ok(vars)
}

fn body(vars: &mut Vars, choices: &SinkChoices) -> Result<(), VariablesError> {
    set(vars, "body.material", choices.material.as_str());
    set(vars, "body.finish", choices.finish.as_str());
    set(vars, "body.mounting", choices.mounting.as_str());
    set(vars, "body.width", inches("width", &choices.width)?);
    set(vars, "body.depth", inches("depth", &choices.depth)?);
    set(vars, "body.height", inches("height", &choices.height)?);
    Ok(())
}

fn basins(vars: &mut Vars, choices: &SinkChoices) -> Result<(), VariablesError> {
    let count = choices.basins.len();
    if count > MAX_NAMED_BASINS {
        return Err(VariablesError::TooManyBasins(count));
    }
    let mut total_width = Decimal::ZERO;
    let mut max_depth = Decimal::ZERO;
    for (index, basin) in choices.basins.iter().enumerate() {
        let field = |name: &str| format!("basins.{index}.{name}");
        let width = inches(&field("width"), &basin.width)?;
        let depth = inches(&field("depth"), &basin.depth)?;
        total_width = total_width
            .checked_add(width)
            .ok_or_else(|| unreadable(&field("width"), &basin.width))?;
        max_depth = max_depth.max(depth);
        let number = index + 1;
        set(vars, basin_name(number, "width"), width);
        set(
            vars,
            basin_name(number, "length"),
            inches(&field("length"), &basin.length)?,
        );
        set(vars, basin_name(number, "depth"), depth);
        set(
            vars,
            basin_name(number, "drain_position"),
            basin.drain_position.as_str(),
        );
    }
    set(vars, "basin_count", Decimal::from(count));
    set(vars, "basins.total_width", total_width);
    set(vars, "basins.max_depth", max_depth);
    Ok(())
}

pub(super) fn set(vars: &mut Vars, name: impl Into<String>, value: impl Into<Value>) {
    vars.insert(name.into(), value.into());
}

pub(super) fn inches(field: &str, raw: &str) -> Result<Decimal, VariablesError> {
    parse_inches(raw).map_err(|_| unreadable(field, raw))
}

pub(super) fn unreadable(field: &str, value: &str) -> VariablesError {
    VariablesError::Unreadable {
        field: field.to_owned(),
        value: value.to_owned(),
    }
}
