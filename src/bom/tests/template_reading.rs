use super::{decimal, line, patterned, template, under, with_formula, with_quantity};
use crate::bom::{PartSource, Quantity, TemplateField, TemplateLineDraft};

#[test]
fn a_template_reads_into_rules_in_parent_first_order() {
    let drafts = [
        under(
            10,
            TemplateLineDraft {
                scrap_factor: "0.05".to_owned(),
                ..with_formula(
                    patterned(30, " 121-LEG-{legs.height} "),
                    "if(legs.adjustable, 4, 6)",
                )
            },
        ),
        line(20, "T2-SPLASH"),
        with_quantity(line(10, "t2-frame"), "2.5"),
    ];
    let template = template(&drafts);
    let order: Vec<(i32, u8)> = template
        .lines()
        .iter()
        .map(|line| (line.line_number, line.level))
        .collect();
    assert_eq!(order, [(10, 1), (30, 2), (20, 1)]);
    let [frame, legs, _] = template.lines() else {
        panic!("three lines");
    };
    assert!(matches!(&frame.part, Some(PartSource::Fixed(part)) if part.as_str() == "T2-FRAME"));
    assert_eq!(frame.quantity, Quantity::Fixed(decimal("2.5")));
    assert!(
        matches!(&legs.part, Some(PartSource::Pattern(pattern)) if pattern.text == "121-LEG-{legs.height}")
    );
    assert_eq!(legs.quantity.field(), TemplateField::QuantityFormula);
    assert_eq!(legs.scrap_factor, decimal("0.05"));
}

#[test]
fn a_line_naming_a_step_carries_it_to_its_bom_line_and_an_empty_step_is_the_default() {
    let drafts = [
        TemplateLineDraft {
            route_step: " 090 ".to_owned(),
            ..line(10, "T2-FAUCET")
        },
        line(20, "T2-FRAME"),
    ];
    let steps: Vec<Option<String>> = super::resolved(&drafts, &super::sink(1))
        .iter()
        .map(|line| {
            line.route_step
                .as_ref()
                .map(|step| step.as_str().to_owned())
        })
        .collect();
    assert_eq!(steps, [Some("090".to_owned()), None]);
}
