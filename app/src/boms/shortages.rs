//! What a BOM version is short of, said once at the top of its page and on
//! every assembly row that hides a short line, so nobody has to open each
//! group to find them. Before approval a part is short when the shelf's
//! available stock cannot cover it; after approval, when the version neither
//! holds nor has been issued all it needs (`orders.bom_part_standing`).

use std::collections::BTreeMap;

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::{BomRow, PartShortage};
use crate::error::AppError;

/// Marks each assembly row with how many lines below it are short. Rows come
/// depth first, so a short leaf counts for the assemblies still open above
/// it: linear in the rows times the depth (at most 10).
pub fn count_short_lines(rows: &mut [BomRow]) {
    let mut open: Vec<usize> = Vec::new();
    for index in 0..rows.len() {
        let depth = rows[index].depth;
        while open
            .last()
            .is_some_and(|&parent| rows[parent].depth >= depth)
        {
            open.pop();
        }
        let short = rows[index]
            .stock
            .as_ref()
            .is_some_and(|stock| stock.short_by() > 0);
        if short {
            for &parent in &open {
                rows[parent].short_lines += 1;
            }
        }
        if rows[index].has_children {
            open.push(index);
        }
    }
}

/// Before approval: each part the shelf cannot cover, lines of one part
/// added together.
pub fn from_shelf(rows: &[BomRow]) -> Vec<PartShortage> {
    let mut by_part: BTreeMap<&str, PartShortage> = BTreeMap::new();
    for row in rows {
        let (Some(part_number), Some(stock)) = (row.part_number.as_deref(), row.stock.as_ref())
        else {
            continue;
        };
        if stock.short_by() == 0 {
            continue;
        }
        let entry = by_part.entry(part_number).or_insert_with(|| PartShortage {
            part_number: part_number.to_owned(),
            name: row.name.clone(),
            needed: 0,
            short_by: 0,
        });
        entry.needed += stock.needed;
        entry.short_by += stock.short_by();
    }
    by_part.into_values().collect()
}

/// After approval: what the version still neither holds nor has had issued.
pub async fn outstanding(
    conn: &mut PgConnection,
    bom_id: Uuid,
) -> Result<Vec<PartShortage>, AppError> {
    Ok(sqlx::query_as!(
        PartShortage,
        r#"SELECT p.part_number, p.name, s.needed AS "needed!",
                  s.needed - s.held - s.issued AS "short_by!"
           FROM orders.bom_part_standing s JOIN inventory.parts p ON p.id = s.part_id
           WHERE s.bom_id = $1 AND s.needed - s.held - s.issued > 0
           ORDER BY p.part_number"#,
        bom_id
    )
    .fetch_all(&mut *conn)
    .await?)
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;
    use crate::boms::LineStock;

    fn line(depth: u8, part: &str, needed: i32, available: i32) -> BomRow {
        BomRow {
            line_number: 0,
            depth,
            has_children: false,
            part_number: Some(part.to_owned()),
            name: part.to_owned(),
            quantity_per_assembly: Decimal::ONE,
            total_quantity: Decimal::from(needed),
            unit_cost: Decimal::ZERO,
            cost: Decimal::ZERO,
            weight: Decimal::ZERO,
            phantom: false,
            explanation: String::new(),
            stock: Some(LineStock {
                needed,
                available,
                substitutes: Vec::new(),
            }),
            short_lines: 0,
            route_step: None,
        }
    }

    fn group(depth: u8) -> BomRow {
        BomRow {
            has_children: true,
            stock: None,
            part_number: None,
            ..line(depth, "group", 0, 0)
        }
    }

    #[test]
    fn an_assembly_counts_the_short_lines_at_every_depth_below_it() {
        let mut rows = vec![
            group(0),
            line(1, "A", 4, 1),
            group(1),
            line(2, "B", 2, 0),
            line(2, "C", 1, 5),
            group(0),
            line(1, "D", 1, 1),
        ];
        count_short_lines(&mut rows);
        let counts: Vec<u32> = rows.iter().map(|row| row.short_lines).collect();
        assert_eq!(counts, [2, 0, 1, 0, 0, 0, 0]);
    }

    #[test]
    fn the_summary_adds_up_the_lines_of_one_part() {
        let rows = [line(0, "B", 2, 0), line(1, "A", 4, 1), line(1, "B", 3, 0)];
        let summary = from_shelf(&rows);
        let said: Vec<(&str, i32, i32)> = summary
            .iter()
            .map(|short| (short.part_number.as_str(), short.needed, short.short_by))
            .collect();
        assert_eq!(said, [("A", 4, 3), ("B", 5, 5)]);
    }
}
