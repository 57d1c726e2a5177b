use super::{
    bom, catalogue, decimal, line, patterned, phantom, resolved, sink, under, with_quantity,
};
use crate::bom::{
    BomLine, MissingPart, MissingParts, PartFacts, TemplateLineDraft, allocation_quantity, cost,
    rolled_up,
};

fn scrapped(draft: TemplateLineDraft, scrap: &str) -> TemplateLineDraft {
    TemplateLineDraft {
        scrap_factor: scrap.to_owned(),
        ..draft
    }
}

#[test]
fn scrap_adds_to_what_is_drawn_from_stock() {
    let drafts = [scrapped(
        with_quantity(line(10, "121-GASKET-FT"), "10"),
        "0.05",
    )];
    let bom = bom(&drafts, &sink(1));
    let gasket = &bom.lines[0];
    assert_eq!(gasket.resolved.quantity_required, decimal("10"));
    assert_eq!(gasket.total_quantity, decimal("10.5"));
    assert_eq!(gasket.extended_cost, decimal("107.63"));
    assert_eq!(allocation_quantity(gasket), Some(11));
}

#[test]
fn counted_parts_are_rounded_up_to_whole_units_after_scrap() {
    let drafts = [
        scrapped(with_quantity(line(10, "121-DECK-PANEL"), "2"), "0.02"),
        scrapped(with_quantity(line(20, "121-BOLT"), "32"), "0.05"),
        scrapped(with_quantity(line(30, "121-TUBE-FT"), "2"), "0.02"),
        with_quantity(line(40, "121-WASHER"), "12"),
    ];
    let bom = bom(&drafts, &sink(1));
    let totals: Vec<_> = bom.lines.iter().map(|line| line.total_quantity).collect();
    assert_eq!(
        totals,
        [decimal("3"), decimal("34"), decimal("2.04"), decimal("12")]
    );
    assert_eq!(bom.lines[0].extended_cost, decimal("30.75"));
}

#[test]
fn totals_add_up_parts_to_the_cent() {
    let drafts = [
        with_quantity(line(10, "121-A-FT"), "0.5"),
        with_quantity(line(20, "121-B-FT-NOWT"), "1.5"),
        with_quantity(line(30, "121-C-FT"), "0.001"),
    ];
    let bom = bom(&drafts, &sink(1));
    let costs: Vec<_> = bom.lines.iter().map(|line| line.extended_cost).collect();
    assert_eq!(costs, [decimal("5.13"), decimal("15.38"), decimal("0.01")]);
    assert_eq!(bom.totals.parts_count, 3);
    assert_eq!(bom.totals.cost, decimal("20.52"));
    assert_eq!(bom.totals.weight, decimal("1.002"));
}

#[test]
fn an_assembly_costs_what_its_parts_cost() {
    let drafts = [
        line(10, "700-FRAME"),
        under(10, with_quantity(line(11, "121-LEG"), "4")),
        under(10, line(12, "121-BRACE")),
        phantom(20, "Plumbing kit"),
        under(20, with_quantity(line(21, "121-HOSE"), "2")),
        under(20, line(22, "121-VALVE")),
    ];
    let bom = bom(&drafts, &sink(1));
    let assemblies: Vec<bool> = bom.lines.iter().map(|line| line.is_assembly).collect();
    assert_eq!(assemblies, [true, false, false, true, false, false]);
    assert_eq!(bom.totals.parts_count, 4);
    assert_eq!(bom.totals.cost, decimal("82.00"));
    let rows = rolled_up(&bom.lines);
    let rolled: Vec<_> = rows
        .iter()
        .map(|row| (row.index, row.depth, row.rolled_cost))
        .collect();
    assert_eq!(
        rolled,
        [
            (0, 0, decimal("51.25")),
            (1, 1, decimal("41.00")),
            (2, 1, decimal("10.25")),
            (3, 0, decimal("30.75")),
            (4, 1, decimal("20.50")),
            (5, 1, decimal("10.25")),
        ]
    );
    assert_eq!(rows[0].rolled_weight, decimal("10"));
    assert_eq!(allocation_quantity(&bom.lines[0]), None);
    assert_eq!(allocation_quantity(&bom.lines[3]), None);
}

#[test]
fn missing_parts_are_all_listed_with_their_pattern() {
    let drafts = [
        line(10, "T2-BODY"),
        patterned(40, "703-LEG-{legs.height}"),
        patterned(50, "{legs.part}"),
    ];
    let lines = resolved(&drafts, &sink(1));
    let catalogue = |part: &str| (part == "703-LEG-36").then(|| catalogue(part)).flatten();
    let missing = cost(lines, &catalogue).unwrap_err();
    assert_eq!(
        missing,
        MissingParts(vec![
            MissingPart {
                line_number: 10,
                part_number: "T2-BODY".to_owned(),
                pattern: None,
            },
            MissingPart {
                line_number: 50,
                part_number: String::new(),
                pattern: Some("{legs.part}".to_owned()),
            },
        ])
    );
    assert_eq!(
        missing.to_string(),
        "line 10: part T2-BODY is not in the catalogue; line 50: “{legs.part}” gives no part number"
    );
}

#[test]
fn a_missing_part_from_a_pattern_says_which_pattern() {
    let drafts = [patterned(40, "703-LEG-{legs.height}")];
    let missing = cost(resolved(&drafts, &sink(1)), &|_| None).unwrap_err();
    assert_eq!(
        missing.to_string(),
        "line 40: part 703-LEG-36 (from “703-LEG-{legs.height}”) is not in the catalogue"
    );
}

fn stocked(total_quantity: &str) -> BomLine {
    let mut line = bom(&[line(10, "121-A")], &sink(1)).lines.remove(0);
    line.total_quantity = decimal(total_quantity);
    line
}

#[test]
fn stock_is_reserved_in_whole_units() {
    assert_eq!(allocation_quantity(&stocked("2")), Some(2));
    assert_eq!(allocation_quantity(&stocked("2.0001")), Some(3));
    assert_eq!(allocation_quantity(&stocked("0.25")), Some(1));
    assert_eq!(
        allocation_quantity(&stocked("9999999999999")),
        Some(i32::MAX)
    );
}

#[test]
fn huge_costs_saturate_rather_than_fail() {
    let lines = resolved(&[with_quantity(line(10, "121-A"), "999999")], &sink(1));
    let dear = |_: &str| {
        Some(PartFacts {
            unit_cost: rust_decimal::Decimal::MAX,
            weight: Some(rust_decimal::Decimal::MAX),
            whole_units: true,
        })
    };
    let bom = cost(lines, &dear).unwrap();
    assert_eq!(bom.totals.cost, rust_decimal::Decimal::MAX);
}
