use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::resolved_line::ResolvedLine;

/// What the catalogue says about a part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartFacts {
    pub unit_cost: Decimal,
    /// Pounds per unit, when known.
    pub weight: Option<Decimal>,
    /// Stocked in counted units (each, pair, set), so a line needs whole
    /// ones: its quantity after scrap is rounded up.
    pub whole_units: bool,
}

/// A BOM line with its part's cost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BomLine {
    pub resolved: ResolvedLine,
    pub unit_cost: Decimal,
    pub weight: Option<Decimal>,
    /// Required quantity plus scrap, rounded up to a whole unit for a
    /// counted part: what is drawn from stock.
    pub total_quantity: Decimal,
    /// The part is counted in whole units (`PartFacts::whole_units`).
    pub whole_units: bool,
    /// Total quantity × unit cost, rounded to the cent.
    pub extended_cost: Decimal,
    /// Other lines of the BOM hang under this one.
    pub is_assembly: bool,
}

impl BomLine {
    /// A leaf, non-phantom line: a part drawn from stock. Only these add
    /// to the totals, as an assembly costs what its parts cost and a
    /// phantom is never stocked.
    pub fn counted(&self) -> bool {
        !self.is_assembly && !self.resolved.phantom
    }

    /// Total quantity × unit weight, lb; 0 when the weight is unknown.
    pub fn extended_weight(&self) -> Decimal {
        let weight = self.weight.unwrap_or_default();
        round(self.total_quantity.saturating_mul(weight), 3)
    }
}

/// The parts drawn from stock: how many lines, what they cost and weigh.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub parts_count: usize,
    pub cost: Decimal,
    /// lb, to 3 decimals.
    pub weight: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bom {
    pub lines: Vec<BomLine>,
    pub totals: Totals,
}

/// Whole units to reserve from stock for a line, for lines drawn from
/// stock; a fraction of a unit takes a whole one.
pub fn allocation_quantity(line: &BomLine) -> Option<i32> {
    line.counted().then(|| whole_units(line.total_quantity))
}

/// Stock is counted in whole units: a line needing 2.0001 takes 3.
pub fn whole_units(quantity: Decimal) -> i32 {
    quantity
        .max(Decimal::ZERO)
        .ceil()
        .to_i32()
        .unwrap_or(i32::MAX)
}

pub(super) fn round(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}
