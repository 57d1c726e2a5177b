use super::{bom, decimal, line, sink, under, with_formula};
use crate::bom::{Change, KeyNode, LineKey, cost, diff, resolve};

fn named(changes: &[Change]) -> Vec<String> {
    changes
        .iter()
        .map(|change| match change {
            Change::Added(line) => format!("+ {}", line.resolved.line_number),
            Change::Removed(line) => format!("- {}", line.resolved.line_number),
            Change::Changed {
                key,
                old_quantity,
                new_quantity,
                ..
            } => format!("~ {key}: {old_quantity} → {new_quantity}"),
        })
        .collect()
}

/// Changes come sorted by part number down the tree, each assembly's parts
/// just after it.
#[test]
fn a_new_version_shows_parts_added_removed_and_changed() {
    let old = [
        line(10, "700-FRAME"),
        under(10, with_formula(line(11, "121-LEG"), "4")),
        under(10, line(12, "121-BRACE")),
        line(20, "121-SPLASH"),
    ];
    let new = [
        line(10, "700-FRAME"),
        under(10, with_formula(line(11, "121-LEG"), "6")),
        under(10, line(13, "121-FOOT")),
        line(20, "121-SPLASH"),
        line(30, "121-SHELF"),
    ];
    let changes = diff(&bom(&old, &sink(1)).lines, &bom(&new, &sink(1)).lines);
    assert_eq!(
        named(&changes),
        ["+ 30", "- 12", "+ 13", "~ 700-FRAME › 121-LEG: 4 → 6"]
    );
}

#[test]
fn the_same_part_under_two_assemblies_is_two_lines() {
    let old = [
        line(10, "700-FRAME"),
        under(10, line(11, "121-BOLT")),
        line(20, "700-SHELF"),
        under(20, line(21, "121-BOLT")),
    ];
    let mut new = old.clone();
    new[3].base_quantity = "3".to_owned();
    let changes = diff(&bom(&old, &sink(1)).lines, &bom(&new, &sink(1)).lines);
    let key = LineKey(vec![
        KeyNode::Part("700-SHELF".to_owned()),
        KeyNode::Part("121-BOLT".to_owned()),
    ]);
    assert_eq!(
        changes,
        [Change::Changed {
            key,
            old_quantity: decimal("1"),
            new_quantity: decimal("3"),
            old_unit_cost: decimal("10.25"),
            new_unit_cost: decimal("10.25"),
        }]
    );
}

#[test]
fn a_new_price_is_a_change_and_an_identical_bom_has_none() {
    let drafts = [line(10, "121-A")];
    let old = bom(&drafts, &sink(1));
    assert!(diff(&old.lines, &old.lines).is_empty());
    let lines = resolve(&super::template(&drafts), &super::vars_of(&sink(1))).unwrap();
    let dearer = cost(lines, &|part| {
        super::catalogue(part).map(|facts| crate::bom::PartFacts {
            unit_cost: decimal("11"),
            ..facts
        })
    })
    .unwrap();
    assert_eq!(named(&diff(&old.lines, &dearer.lines)), ["~ 121-A: 1 → 1"]);
}
