use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::bom_line::BomLine;
use super::line_key::{LineKey, keyed};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Change {
    Added(BomLine),
    Removed(BomLine),
    /// Quantities are total quantities; lines of one key add up.
    Changed {
        key: LineKey,
        old_quantity: Decimal,
        new_quantity: Decimal,
        old_unit_cost: Decimal,
        new_unit_cost: Decimal,
    },
}

/// What changed from `old` to `new`, in key order, which keeps each
/// assembly's changes just after its own; unchanged lines are left out.
pub fn diff(old: &[BomLine], new: &[BomLine]) -> Vec<Change> {
    let mut sides: BTreeMap<LineKey, Sides<'_>> = BTreeMap::new();
    for (key, line) in keyed(old) {
        sides.entry(key).or_default().old.push(line);
    }
    for (key, line) in keyed(new) {
        sides.entry(key).or_default().new.push(line);
    }
    sides
        .into_iter()
        .flat_map(|(key, sides)| sides.compare(key))
        .collect()
}

#[derive(Default)]
struct Sides<'a> {
    old: Vec<&'a BomLine>,
    new: Vec<&'a BomLine>,
}

impl Sides<'_> {
    fn compare(self, key: LineKey) -> Vec<Change> {
        match (self.old.first(), self.new.first()) {
            (None, _) => self.new.into_iter().cloned().map(Change::Added).collect(),
            (_, None) => self.old.into_iter().cloned().map(Change::Removed).collect(),
            (Some(old), Some(new)) => {
                let old_quantity = total(&self.old);
                let new_quantity = total(&self.new);
                if old_quantity == new_quantity && old.unit_cost == new.unit_cost {
                    return Vec::new();
                }
                vec![Change::Changed {
                    key,
                    old_quantity,
                    new_quantity,
                    old_unit_cost: old.unit_cost,
                    new_unit_cost: new.unit_cost,
                }]
            }
        }
    }
}

fn total(lines: &[&BomLine]) -> Decimal {
    lines.iter().fold(Decimal::ZERO, |sum, line| {
        sum.saturating_add(line.total_quantity)
    })
}
