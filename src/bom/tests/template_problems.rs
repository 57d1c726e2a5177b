use super::{line, template, under};
use crate::bom::{
    LineProblem, MAX_LEVEL, MAX_LINES, TemplateField, TemplateLineDraft, parse_template,
};

fn problems(drafts: &[TemplateLineDraft]) -> Vec<(i32, &'static str, String)> {
    parse_template(drafts)
        .unwrap_err()
        .into_iter()
        .map(
            |LineProblem {
                 line_number,
                 field,
                 message,
             }| (line_number, field.as_str(), message),
        )
        .collect()
}

fn fields(drafts: &[TemplateLineDraft]) -> Vec<(i32, &'static str)> {
    problems(drafts)
        .into_iter()
        .map(|(line, field, _)| (line, field))
        .collect()
}

#[test]
fn every_bad_field_of_every_line_is_reported() {
    let drafts = [
        TemplateLineDraft {
            quantity_formula: "basin_count *".to_owned(),
            base_quantity: "0".to_owned(),
            include_condition: "basin_count".to_owned(),
            scrap_factor: "1".to_owned(),
            ..line(10, "T2 BODY")
        },
        TemplateLineDraft {
            part_pattern: "121-LEG-{legs.colour}".to_owned(),
            ..line(20, "")
        },
        TemplateLineDraft {
            part_pattern: "121-LEG-{legs.height}".to_owned(),
            scrap_factor: "0.12345".to_owned(),
            ..line(30, "121-LEG")
        },
        line(40, ""),
    ];
    assert_eq!(
        problems(&drafts),
        [
            (
                10,
                "part_number",
                "A part number may only contain letters, digits and - . _ /".to_owned()
            ),
            (
                10,
                "quantity_formula",
                "unexpected end of rule at 1:14, expected a value".to_owned()
            ),
            (
                10,
                "base_quantity",
                "The quantity must be greater than zero.".to_owned()
            ),
            (
                10,
                "include_condition",
                "expected a true/false condition, found a number".to_owned()
            ),
            (
                10,
                "scrap_factor",
                "Scrap is a fraction from 0 up to (not including) 1, e.g. 0.05 for 5%.".to_owned()
            ),
            (
                20,
                "part_pattern",
                "unknown variable “legs.colour” at 1:10".to_owned()
            ),
            (
                30,
                "part_pattern",
                "Give a fixed part number or a part pattern, not both.".to_owned()
            ),
            (30, "scrap_factor", "Use at most 4 decimals.".to_owned()),
            (
                40,
                "part_number",
                "Give a part number or a part pattern: only a phantom line may have neither."
                    .to_owned()
            ),
        ]
    );
}

#[test]
fn line_numbers_and_parents_must_make_a_tree() {
    let drafts = [
        line(10, "A"),
        line(10, "B"),
        under(99, line(20, "C")),
        under(40, line(30, "D")),
        under(30, line(40, "E")),
        under(50, line(50, "F")),
    ];
    assert_eq!(
        problems(&drafts),
        [
            (
                10,
                "line_number",
                "Line 10 is used twice: give each line its own number.".to_owned()
            ),
            (
                20,
                "parent_line",
                "There is no line 99 in this template.".to_owned()
            ),
            (
                30,
                "parent_line",
                "Its parents lead back to itself: 30 → 40 → 30.".to_owned()
            ),
            (
                50,
                "parent_line",
                "Its parents lead back to itself: 50 → 50.".to_owned()
            ),
        ]
    );
}

/// Lines 1 to `length`, each the child of the next and the last of the
/// first: one loop through all of them.
fn one_loop(length: i32) -> Vec<TemplateLineDraft> {
    (1..=length)
        .map(|n| under(n % length + 1, line(n, "L")))
        .collect()
}

#[test]
fn a_loop_is_reported_once_at_its_lowest_line_walked_from_there() {
    let drafts = [
        under(30, line(40, "E")),
        under(50, line(30, "D")),
        under(40, line(50, "F")),
    ];
    assert_eq!(
        problems(&drafts),
        [(
            30,
            "parent_line",
            "Its parents lead back to itself: 30 → 50 → 40 → 30.".to_owned()
        )]
    );
}

#[test]
fn a_loop_through_every_line_of_the_largest_template_is_one_short_message() {
    let length = i32::try_from(MAX_LINES).unwrap();
    let found = problems(&one_loop(length));
    // Told to every line of the loop, it would be 5,000 messages of 5,000
    // numbers each: the size of the report is the work done.
    assert_eq!(
        found,
        [(
            1,
            "parent_line",
            format!(
                "Its parents lead back to itself through {length} lines: 1 → 2 → 3 → 4 → … → {length} → 1."
            )
        )]
    );
}

#[test]
fn lines_nest_at_most_ten_levels() {
    let deepest = i32::from(MAX_LEVEL);
    let mut drafts = vec![line(1, "L1")];
    drafts.extend((2..=deepest).map(|n| under(n - 1, line(n, "L"))));
    assert_eq!(
        template(&drafts).lines().last().map(|line| line.level),
        Some(MAX_LEVEL)
    );
    drafts.push(under(deepest, line(deepest + 1, "L")));
    drafts.push(under(deepest + 1, line(deepest + 2, "L")));
    assert_eq!(fields(&drafts), [(deepest + 1, "parent_line")]);
}

#[test]
fn a_problem_names_its_field_as_the_draft_does() {
    let problem = LineProblem {
        line_number: 10,
        field: TemplateField::QuantityFormula,
        message: "the rule is empty".to_owned(),
    };
    let json = serde_json::to_string(&problem).unwrap();
    assert!(json.contains(r#""field":"quantity_formula""#), "{json}");
    assert_eq!(serde_json::from_str::<LineProblem>(&json).unwrap(), problem);
}

#[test]
fn a_rule_or_description_longer_than_its_column_is_called_too_long_at_its_field() {
    let drafts = [TemplateLineDraft {
        quantity_formula: format!("1{}", " + 1".repeat(70)),
        include_condition: format!("basin_count >= 1{}", " and true".repeat(30)),
        description: "d".repeat(256),
        ..line(10, "T2-BODY")
    }];
    assert_eq!(
        problems(&drafts),
        [
            (
                10,
                "quantity_formula",
                "At most 255 characters; this has 281.".to_owned()
            ),
            (
                10,
                "include_condition",
                "At most 255 characters; this has 286.".to_owned()
            ),
            (
                10,
                "description",
                "At most 255 characters; this has 256.".to_owned()
            ),
        ]
    );
    assert_eq!(TemplateField::PartPattern.text_limit(), Some(100));
    assert_eq!(TemplateField::ScrapFactor.text_limit(), None);
}

#[test]
fn a_malformed_step_is_refused_at_the_line_step_field() {
    let drafts = [
        TemplateLineDraft {
            route_step: "90".to_owned(),
            ..line(10, "T2-FRAME")
        },
        TemplateLineDraft {
            route_step: " 090 ".to_owned(),
            ..line(20, "T2-SPLASH")
        },
    ];
    assert_eq!(fields(&drafts), [(10, "route_step")]);
}
