use super::sink;
use crate::rule_language::{Pattern, Value};

fn render(src: &str) -> Result<String, String> {
    Pattern::parse(src)
        .and_then(|pattern| pattern.render(&sink()))
        .map(|(part_number, _)| part_number)
        .map_err(|error| error.to_string())
}

#[test]
fn placeholders_are_replaced_by_their_values() {
    assert_eq!(
        render("700-LEG-{legs.height_class}"),
        Ok("700-LEG-H34".to_owned())
    );
    assert_eq!(
        render("T2-BSN-{round(basin.width)}"),
        Ok("T2-BSN-25".to_owned())
    );
    assert_eq!(
        render("{material}-{basin_count}x{ legs.height }"),
        Ok("316L-2x34".to_owned())
    );
}

#[test]
fn numbers_in_part_numbers_have_no_trailing_zeros() {
    assert_eq!(render("T2-{basin.width * 2}"), Ok("T2-49".to_owned()));
    assert_eq!(render("T2-{basin.width}"), Ok("T2-24.5".to_owned()));
}

#[test]
fn a_pattern_without_placeholders_is_a_fixed_part_number() {
    let pattern = Pattern::parse("121-0001").unwrap();
    assert_eq!(pattern.render(&sink()), Ok(("121-0001".to_owned(), vec![])));
    assert!(pattern.variables().is_empty());
}

#[test]
fn render_reports_the_variables_read_across_placeholders() {
    let pattern =
        Pattern::parse("{legs.height_class}-{if(has_faucet, basin_count, legs.height_class)}")
            .unwrap();
    assert_eq!(
        pattern.render(&sink()),
        Ok((
            "H34-H34".to_owned(),
            vec![
                ("legs.height_class".to_owned(), Value::from("H34")),
                ("has_faucet".to_owned(), Value::Bool(false)),
            ]
        ))
    );
    assert_eq!(
        pattern.variables(),
        ["legs.height_class", "has_faucet", "basin_count"]
    );
}

#[test]
fn unbalanced_braces_are_pointed_at() {
    assert_eq!(
        render("700-{legs.height"),
        Err("the “{” at 1:5 has no matching “}”".to_owned())
    );
    assert_eq!(
        render("700-}x"),
        Err("the “}” at 1:5 has no matching “{”".to_owned())
    );
    assert_eq!(
        render("{a}-{b}}"),
        Err("the “}” at 1:8 has no matching “{”".to_owned())
    );
    assert_eq!(
        render("700-{ }"),
        Err("the placeholder at 1:5 is empty".to_owned())
    );
}

#[test]
fn errors_inside_a_placeholder_are_positioned_in_the_whole_pattern() {
    assert_eq!(
        render("700-LEG-{legs.heigth}"),
        Err("unknown variable “legs.heigth” at 1:10".to_owned())
    );
    assert_eq!(
        render("700-{1 +}"),
        Err("unexpected end of rule at 1:9, expected a value".to_owned())
    );
    assert_eq!(
        render("A-{x-B-{y}"),
        Err("unexpected “{” at 1:8".to_owned())
    );
    assert_eq!(
        render("ü-{1 / 0}"),
        Err("division by zero at 1:6".to_owned())
    );
}

#[test]
fn a_true_false_placeholder_is_refused() {
    assert_eq!(
        render("X-{pegboard.is_custom}"),
        Err(
            "a part-number placeholder must give a number or text, found true/false at 1:4"
                .to_owned()
        )
    );
}

#[test]
fn an_empty_or_overlong_pattern_is_refused() {
    assert_eq!(render(""), Err("the rule is empty".to_owned()));
    assert_eq!(
        render(&"A".repeat(1001)),
        Err("the rule is longer than 1000 characters".to_owned())
    );
}
