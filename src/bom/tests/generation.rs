use super::{
    decimal, line, patterned, phantom, resolved, sink, summary, under, when, with_formula,
};
use crate::sink::AccessoryChoice;

fn row(line: i32, part: &str, quantity: &str) -> (i32, String, String) {
    (line, part.to_owned(), quantity.to_owned())
}

#[test]
fn two_basins_give_the_basin_line_twice_each_with_its_drain() {
    let drafts = [
        line(10, "T2-BODY"),
        with_formula(line(20, "T2-BASIN"), "basin_count"),
        under(20, patterned(21, "{drain.part}")),
    ];
    assert_eq!(
        summary(&resolved(&drafts, &sink(2))),
        [
            row(10, "T2-BODY", "1"),
            row(20, "T2-BASIN", "2"),
            row(21, "140-DRN-LEV", "2"),
        ]
    );
}

#[test]
fn per_basin_lines_follow_the_basin_count() {
    let drafts = [
        patterned(30, "T2-BSN-{basin1.width}X{basin1.length}"),
        when(
            patterned(31, "T2-BSN-{basin2.width}X{basin2.length}"),
            "basin_count >= 2",
        ),
        when(
            patterned(32, "T2-BSN-{basin3.width}X{basin3.length}"),
            "basin_count >= 3",
        ),
    ];
    let mut choices = sink(2);
    choices.basins[1].width = "20.5".to_owned();
    assert_eq!(
        summary(&resolved(&drafts, &choices)),
        [row(30, "T2-BSN-16X14", "1"), row(31, "T2-BSN-20.5X14", "1")]
    );
}

#[test]
fn the_custom_pegboard_line_comes_only_with_a_custom_pegboard() {
    let drafts = [
        line(10, "T2-BODY"),
        when(
            patterned(50, "{pegboard.part}"),
            "pegboard.is_custom = true",
        ),
        under(
            50,
            with_formula(line(51, "121-PEG-HOOK"), "ceil(pegboard_area / 144)"),
        ),
    ];
    let mut choices = sink(1);
    choices.pegboard = "STANDARD".to_owned();
    assert_eq!(
        summary(&resolved(&drafts, &choices)),
        [row(10, "T2-BODY", "1")]
    );
    choices.pegboard = "CUSTOM".to_owned();
    choices.pegboard_width = "48".to_owned();
    choices.pegboard_height = "36".to_owned();
    assert_eq!(
        summary(&resolved(&drafts, &choices)),
        [
            row(10, "T2-BODY", "1"),
            row(50, "121-PEG-CUSTOM", "1"),
            row(51, "121-PEG-HOOK", "12"),
        ]
    );
}

#[test]
fn legs_are_chosen_by_their_height() {
    let drafts = [with_formula(patterned(40, "121-leg-{legs.height}"), "4")];
    let mut choices = sink(1);
    choices.leg_height_min = "34.5".to_owned();
    let lines = resolved(&drafts, &choices);
    assert_eq!(summary(&lines), [row(40, "121-LEG-34.5", "4")]);
    assert_eq!(
        lines[0].explanation.pattern.as_deref(),
        Some("121-leg-{legs.height}")
    );
}

#[test]
fn three_sinks_multiply_every_level() {
    let drafts = [
        with_formula(line(10, "T2-FRAME"), "2"),
        under(10, with_formula(line(11, "121-BOLT"), "basin_count * 4")),
        under(11, line(12, "121-NUT")),
    ];
    let mut choices = sink(2);
    choices.quantity = "3".to_owned();
    let lines = resolved(&drafts, &choices);
    assert_eq!(
        summary(&lines),
        [
            row(10, "T2-FRAME", "6"),
            row(11, "121-BOLT", "48"),
            row(12, "121-NUT", "48")
        ]
    );
    assert_eq!(lines[1].quantity_per_assembly, decimal("8"));
    assert_eq!(lines[2].level, 3);
}

#[test]
fn children_of_a_line_left_out_are_left_out() {
    let drafts = [
        line(10, "T2-BODY"),
        when(line(20, "T2-SHELF"), "legs.adjustable"),
        under(20, line(21, "121-SHELF-BRACKET")),
        under(21, line(22, "121-SCREW")),
        with_formula(line(30, "T2-SPLASH"), "0"),
        under(30, line(31, "121-SPLASH-CLIP")),
    ];
    assert_eq!(
        summary(&resolved(&drafts, &sink(1))),
        [row(10, "T2-BODY", "1")]
    );
}

#[test]
fn fractions_are_kept_to_four_decimals() {
    let drafts = [with_formula(line(80, "121-SEALANT"), "1 / 3")];
    let lines = resolved(&drafts, &sink(1));
    assert_eq!(lines[0].quantity_required, decimal("0.3333"));
    let tiny = [with_formula(line(81, "121-GLUE"), "0.00001")];
    assert!(resolved(&tiny, &sink(1)).is_empty());
}

#[test]
fn a_phantom_line_needs_no_part() {
    let drafts = [phantom(60, "Plumbing kit"), under(60, line(61, "121-HOSE"))];
    let lines = resolved(&drafts, &sink(1));
    assert_eq!(lines[0].part_number, None);
    assert!(lines[0].phantom);
    assert_eq!(lines[1].parent_line, Some(60));
}

#[test]
fn an_accessory_line_comes_with_the_accessory_as_many_as_chosen() {
    let drafts = [when(
        with_formula(
            patterned(90, "{accessory.DOSING_PUMP.part}"),
            "accessory.DOSING_PUMP",
        ),
        "accessory.DOSING_PUMP > 0",
    )];
    let mut choices = sink(1);
    assert!(resolved(&drafts, &choices).is_empty());
    choices.accessories = vec![AccessoryChoice {
        code: "DOSING_PUMP".to_owned(),
        quantity: "2".to_owned(),
    }];
    assert_eq!(
        summary(&resolved(&drafts, &choices)),
        [row(90, "150-DOSE", "2")]
    );
}
