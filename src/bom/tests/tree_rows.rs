use std::time::{Duration, Instant};

use super::{catalogue, decimal, sink, template, under, vars_of};
use crate::bom::{TemplateLineDraft, cost, resolve, rolled_up};

/// 1,000 lines: 200 chains five levels deep, each a part under four
/// assemblies.
fn big_template() -> Vec<TemplateLineDraft> {
    (0..1000)
        .map(|index: i32| {
            let draft = super::line(index + 1, &format!("121-{index}"));
            match index % 5 {
                0 => draft,
                _ => under(index, draft),
            }
        })
        .collect()
}

#[test]
fn a_thousand_line_bom_five_levels_deep_rolls_up_quickly() {
    let drafts = big_template();
    let started = Instant::now();
    let lines = resolve(&template(&drafts), &vars_of(&sink(1))).unwrap();
    let bom = cost(lines, &catalogue).unwrap();
    let rows = rolled_up(&bom.lines);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(rows.len(), 1000);
    assert_eq!(rows.iter().map(|row| row.depth).max(), Some(4));
    assert_eq!(bom.totals.parts_count, 200);
    assert_eq!(rows[0].rolled_cost, decimal("10.25"));
    let top: rust_decimal::Decimal = rows
        .iter()
        .filter(|row| row.depth == 0)
        .map(|row| row.rolled_cost)
        .sum();
    assert_eq!(top, bom.totals.cost);
}

#[test]
fn rows_follow_parents_even_when_lines_come_children_first() {
    let drafts = [
        super::line(10, "700-FRAME"),
        under(10, super::line(11, "121-LEG")),
        super::line(20, "121-SPLASH"),
    ];
    let mut lines = cost(
        resolve(&template(&drafts), &vars_of(&sink(1))).unwrap(),
        &catalogue,
    )
    .unwrap()
    .lines;
    lines.swap(0, 1);
    let order: Vec<(usize, usize, bool)> = rolled_up(&lines)
        .iter()
        .map(|row| (row.index, row.depth, row.has_children))
        .collect();
    assert_eq!(order, [(1, 0, true), (0, 1, false), (2, 0, false)]);
}
