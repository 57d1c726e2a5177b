use rust_decimal::Decimal;

use super::bom_line::{Bom, BomLine, PartFacts, Totals, round};
use super::hierarchy::Hierarchy;
use super::missing_parts::{MissingPart, MissingParts};
use super::resolved_line::ResolvedLine;
use super::template::QUANTITY_DECIMALS;

/// Costs the resolved lines from the catalogue, which the server reads for
/// all their part numbers at once. A phantom without a part costs nothing.
pub fn cost(
    lines: Vec<ResolvedLine>,
    parts: &dyn Fn(&str) -> Option<PartFacts>,
) -> Result<Bom, MissingParts> {
    let links: Vec<_> = lines
        .iter()
        .map(|line| (line.line_number, line.parent_line))
        .collect();
    let hierarchy = Hierarchy::new(&links);
    let mut missing = Vec::new();
    let mut facts = Vec::with_capacity(lines.len());
    for line in &lines {
        match &line.part_number {
            None => facts.push(PartFacts {
                unit_cost: Decimal::ZERO,
                weight: None,
                whole_units: false,
            }),
            Some(part_number) => match parts(part_number) {
                Some(found) => facts.push(found),
                None => missing.push(MissingPart {
                    line_number: line.line_number,
                    part_number: part_number.clone(),
                    pattern: line.explanation.pattern.clone(),
                }),
            },
        }
    }
    if !missing.is_empty() {
        return Err(MissingParts(missing));
    }
    let lines: Vec<BomLine> = lines
        .into_iter()
        .zip(facts)
        .enumerate()
        .map(|(index, (resolved, facts))| costed(resolved, facts, hierarchy.has_children(index)))
        .collect();
    let totals = totals(&lines);
    Ok(Bom { lines, totals })
}

/// Quantities and cost rounded as the BOM table's generated columns round
/// them, so the screen and the database agree to the cent: a counted part's
/// quantity after scrap goes up to the next whole unit.
fn costed(resolved: ResolvedLine, facts: PartFacts, is_assembly: bool) -> BomLine {
    let with_scrap = Decimal::ONE.saturating_add(resolved.scrap_factor);
    let measured = round(
        resolved.quantity_required.saturating_mul(with_scrap),
        QUANTITY_DECIMALS,
    );
    let total_quantity = if facts.whole_units {
        measured.ceil()
    } else {
        measured
    };
    BomLine {
        unit_cost: facts.unit_cost,
        weight: facts.weight,
        whole_units: facts.whole_units,
        total_quantity,
        extended_cost: round(total_quantity.saturating_mul(facts.unit_cost), 2),
        is_assembly,
        resolved,
    }
}

fn totals(lines: &[BomLine]) -> Totals {
    let counted = || lines.iter().filter(|line| line.counted());
    Totals {
        parts_count: counted().count(),
        cost: counted().fold(Decimal::ZERO, |sum, line| {
            sum.saturating_add(line.extended_cost)
        }),
        weight: counted().fold(Decimal::ZERO, |sum, line| {
            sum.saturating_add(line.extended_weight())
        }),
    }
}
