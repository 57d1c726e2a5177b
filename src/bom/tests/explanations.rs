use super::{decimal, line, patterned, resolved, sink, when, with_formula};
use crate::rule_language::Value;

#[test]
fn a_line_explains_its_quantity() {
    let drafts = [when(
        with_formula(line(20, "T2-BASIN"), "basin_count * 2"),
        "not pegboard.present",
    )];
    let lines = resolved(&drafts, &sink(2));
    let explanation = &lines[0].explanation;
    assert_eq!(
        explanation.values,
        [
            ("pegboard.present".to_owned(), Value::Bool(false)),
            ("basin_count".to_owned(), Value::Number(decimal("2"))),
        ]
    );
    assert_eq!(
        explanation.summary(),
        "basin_count * 2 with pegboard.present = false, basin_count = 2 → 4, when not pegboard.present"
    );
    let fixed = resolved(&[line(10, "T2-BODY")], &sink(1));
    assert_eq!(fixed[0].explanation.summary(), "1");
}

#[test]
fn a_resolved_line_travels_as_json_with_its_explanation() {
    let drafts = [with_formula(
        patterned(40, "121-LEG-{legs.height}"),
        "basin_count * 2",
    )];
    let line = resolved(&drafts, &sink(2)).remove(0);
    let json = serde_json::to_string(&line).unwrap();
    assert_eq!(
        serde_json::from_str::<crate::bom::ResolvedLine>(&json).unwrap(),
        line
    );
}
