//! The variables of the options chosen: pegboard, supports, faucet, drain
//! and accessories, each with the catalogue part its option brings.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::names::{accessory_codes, accessory_name, accessory_part_name};
use super::variables::{VariablesError, Vars, inches, set, unreadable};
use crate::DbEnum;
use crate::sink::{
    FamilyOptions, LegKind, OptionGroup, PegboardKind, STANDARD_PEGBOARD_HEIGHT, SinkChoices,
    accessory_quantity,
};

/// A standard pegboard spans the body at its one standard height.
pub(super) fn pegboard(
    vars: &mut Vars,
    choices: &SinkChoices,
    family: &FamilyOptions,
) -> Result<(), VariablesError> {
    let kind = PegboardKind::parse(&choices.pegboard)
        .map_err(|_| unreadable("pegboard", &choices.pegboard))?;
    let (width, height) = match kind {
        PegboardKind::None => (Decimal::ZERO, Decimal::ZERO),
        PegboardKind::Standard => (
            inches("width", &choices.width)?,
            Decimal::from(STANDARD_PEGBOARD_HEIGHT),
        ),
        PegboardKind::Custom => (
            inches("pegboard_width", &choices.pegboard_width)?,
            inches("pegboard_height", &choices.pegboard_height)?,
        ),
    };
    let area = width
        .checked_mul(height)
        .ok_or_else(|| unreadable("pegboard_height", &choices.pegboard_height))?;
    set(vars, "pegboard.kind", kind.as_db_str());
    set(vars, "pegboard.present", kind != PegboardKind::None);
    set(vars, "pegboard.is_custom", kind == PegboardKind::Custom);
    set(vars, "pegboard.width", width);
    set(vars, "pegboard.height", height);
    set(vars, "pegboard_area", area);
    set(
        vars,
        "pegboard.part",
        part(family, OptionGroup::Pegboard, &choices.pegboard),
    );
    Ok(())
}

pub(super) fn legs(
    vars: &mut Vars,
    choices: &SinkChoices,
    family: &FamilyOptions,
) -> Result<(), VariablesError> {
    let adjustable = choices.leg_kind().is_some_and(LegKind::adjustable);
    let low = inches("leg_height_min", &choices.leg_height_min)?;
    let high = if adjustable {
        inches("leg_height_max", &choices.leg_height_max)?
    } else {
        low
    };
    set(vars, "legs.kind", choices.legs.as_str());
    set(vars, "legs.adjustable", adjustable);
    set(vars, "legs.height", low);
    set(vars, "legs.height_max", high);
    set(
        vars,
        "legs.part",
        part(family, OptionGroup::Legs, &choices.legs),
    );
    Ok(())
}

pub(super) fn fittings(
    vars: &mut Vars,
    choices: &SinkChoices,
    family: &FamilyOptions,
) -> Result<(), VariablesError> {
    set(vars, "faucet", choices.faucet.as_str());
    set(vars, "faucet_count", Decimal::from(choices.faucet_count()));
    set(
        vars,
        "faucet.part",
        part(family, OptionGroup::Faucet, &choices.faucet),
    );
    set(vars, "drain", choices.drain.as_str());
    set(
        vars,
        "drain.part",
        part(family, OptionGroup::Drain, &choices.drain),
    );
    let mut chosen: BTreeMap<&str, u64> = BTreeMap::new();
    for (index, accessory) in choices.accessories.iter().enumerate() {
        let count = accessory_quantity(&accessory.quantity).ok_or_else(|| {
            unreadable(
                &format!("accessories.{index}.quantity"),
                &accessory.quantity,
            )
        })?;
        let total = chosen.entry(accessory.code.as_str()).or_default();
        *total = total.saturating_add(u64::from(count));
    }
    let all = chosen
        .values()
        .fold(0, |sum: u64, count| sum.saturating_add(*count));
    set(vars, "accessory_count", Decimal::from(all));
    for code in accessory_codes(family) {
        let count = chosen.get(code).copied().unwrap_or_default();
        set(vars, accessory_name(code), Decimal::from(count));
        set(
            vars,
            accessory_part_name(code),
            part(family, OptionGroup::Accessory, code),
        );
    }
    Ok(())
}

/// The catalogue part an option brings, empty text when it brings none so
/// a pattern or condition can still test for it.
fn part(family: &FamilyOptions, group: OptionGroup, code: &str) -> String {
    family
        .find(group, code)
        .and_then(|option| option.part_number.clone())
        .unwrap_or_default()
}
