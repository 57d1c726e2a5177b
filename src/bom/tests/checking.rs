use super::{family, line, with_formula};
use crate::bom::{MAX_LINES, TemplateHeader, TemplateLineDraft, check_template, line_field};

fn header(rule: &str) -> TemplateHeader {
    TemplateHeader {
        name: "ESR standard".into(),
        rule: rule.into(),
        priority: "100".into(),
        active: true,
        description: String::new(),
    }
}

fn problems(
    header: &TemplateHeader,
    drafts: &[crate::bom::TemplateLineDraft],
) -> Vec<(String, String)> {
    check_template(header, drafts, &family())
        .unwrap_err()
        .into_iter()
        .map(|error| (error.field, error.message))
        .collect()
}

#[test]
fn a_line_field_is_named_by_its_line_number_and_field() {
    assert_eq!(line_field(110, "quantity_formula"), "110:quantity_formula");
}

#[test]
fn a_template_whose_fields_and_rules_hold_is_read() {
    let drafts = [
        line(10, "T2-BODY"),
        with_formula(line(20, "121-LEG"), "basin_count"),
    ];
    let template = check_template(&header("basin_count >= 1"), &drafts, &family()).unwrap();
    assert_eq!(template.lines().len(), 2);
}

#[test]
fn header_and_line_problems_are_reported_together_at_their_fields() {
    let drafts = [with_formula(line(10, "T2-BODY"), "basin_count *")];
    let fields: Vec<String> = problems(&header("basin_count >="), &drafts)
        .into_iter()
        .map(|(field, _)| field)
        .collect();
    assert_eq!(fields, ["rule", "10:quantity_formula"]);
}

#[test]
fn rules_that_fail_for_a_sample_configuration_are_refused_at_their_fields() {
    let name = family().name;
    let rule = problems(&header("1 / 0 > 1"), &[line(10, "T2-BODY")]);
    assert_eq!(
        rule,
        [(
            "rule".to_owned(),
            format!("Fails for a sample {name} configuration: division by zero at 1:3.")
        )]
    );
    let drafts = [with_formula(line(10, "T2-BODY"), "basin_count / 0")];
    let formula = problems(&header(""), &drafts);
    assert_eq!(
        formula,
        [(
            "10:quantity_formula".to_owned(),
            format!("Fails for a sample {name} configuration: division by zero at 1:13.")
        )]
    );
}

#[test]
fn a_template_of_more_lines_than_any_real_one_is_refused_at_its_lines_before_they_are_read() {
    let numbered = |count: usize| -> Vec<TemplateLineDraft> {
        (1..=i32::try_from(count).unwrap())
            .map(|n| line(n, "121-LEG"))
            .collect()
    };
    assert!(check_template(&header("basin_count >= 1"), &numbered(MAX_LINES), &family()).is_ok());
    assert_eq!(
        problems(&header("basin_count >= 1"), &numbered(MAX_LINES + 1)),
        [(
            "lines".to_owned(),
            "A template holds at most 5000 lines; this one has 5001.".to_owned()
        )]
    );
}
