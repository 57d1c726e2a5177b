use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::bom_line::BomLine;
use super::hierarchy::Hierarchy;

/// One row of the BOM as a tree, with what its subtree costs and weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TreeRow {
    /// Into the lines given to `rolled_up`.
    pub index: usize,
    /// 0 at the top.
    pub depth: usize,
    pub has_children: bool,
    /// A part's extended cost, or the sum of an assembly's children; a
    /// phantom leaf adds nothing, as in the BOM's totals.
    pub rolled_cost: Decimal,
    pub rolled_weight: Decimal,
}

/// The lines in display order, parents first and siblings in the order
/// given, in one pass down and one back up.
pub fn rolled_up(lines: &[BomLine]) -> Vec<TreeRow> {
    let links: Vec<_> = lines
        .iter()
        .map(|line| (line.resolved.line_number, line.resolved.parent_line))
        .collect();
    let hierarchy = Hierarchy::new(&links);
    let visits = hierarchy.depth_first();
    let mut rows: Vec<TreeRow> = visits
        .iter()
        .map(|visit| {
            let has_children = hierarchy.has_children(visit.index);
            let own = lines
                .get(visit.index)
                .filter(|line| !has_children && line.counted());
            TreeRow {
                index: visit.index,
                depth: visit.depth,
                has_children,
                rolled_cost: own.map_or(Decimal::ZERO, |line| line.extended_cost),
                rolled_weight: own.map_or(Decimal::ZERO, BomLine::extended_weight),
            }
        })
        .collect();
    for (position, visit) in visits.iter().enumerate().rev() {
        let Some(parent) = visit.parent else {
            continue;
        };
        let Some(&row) = rows.get(position) else {
            continue;
        };
        if let Some(parent) = rows.get_mut(parent) {
            parent.rolled_cost = parent.rolled_cost.saturating_add(row.rolled_cost);
            parent.rolled_weight = parent.rolled_weight.saturating_add(row.rolled_weight);
        }
    }
    rows
}
