use std::collections::HashMap;

use proptest::prelude::*;

use super::{family, line, sink};
use crate::bom::{MAX_LEVEL, TemplateLineDraft, parse_template, variables};

fn drafts() -> impl Strategy<Value = Vec<TemplateLineDraft>> {
    proptest::collection::vec((1..30i32, proptest::option::of(1..30i32)), 0..30).prop_map(|links| {
        links
            .into_iter()
            .map(|(number, parent)| TemplateLineDraft {
                parent_line: parent,
                ..line(number, "121-A")
            })
            .collect()
    })
}

/// Text a half-filled or tampered form might hold, huge numbers included.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,8}",
        "[0-9]{1,30}(\\.[0-9]{1,3})?",
        Just(String::new())
    ]
}

proptest! {
    #[test]
    fn a_template_that_reads_lists_parents_first_at_their_level(drafts in drafts()) {
        match parse_template(&drafts) {
            Err(problems) => prop_assert!(!problems.is_empty()),
            Ok(template) => {
                let mut levels = HashMap::new();
                for line in template.lines() {
                    let expected = match line.parent_line {
                        None => 1,
                        Some(parent) => {
                            let parent_level = levels.get(&parent).copied();
                            prop_assert!(parent_level.is_some(), "line {} before its parent", line.line_number);
                            parent_level.unwrap_or_default() + 1
                        }
                    };
                    prop_assert_eq!(line.level, expected);
                    prop_assert!(line.level <= MAX_LEVEL);
                    levels.insert(line.line_number, line.level);
                }
                prop_assert_eq!(template.lines().len(), drafts.len());
            }
        }
    }

    #[test]
    fn any_typed_configuration_gives_variables_or_an_error(
        width in typed(),
        pegboard in prop_oneof![Just("STANDARD".to_owned()), Just("CUSTOM".to_owned()), typed()],
        pegboard_width in typed(),
        pegboard_height in typed(),
        basin_width in typed(),
        accessory in typed(),
    ) {
        let mut choices = sink(2);
        choices.width = width;
        choices.pegboard = pegboard;
        choices.pegboard_width = pegboard_width;
        choices.pegboard_height = pegboard_height;
        choices.basins[1].width = basin_width;
        choices.accessories = vec![crate::sink::AccessoryChoice {
            code: "DOSING_PUMP".to_owned(),
            quantity: accessory,
        }];
        let _ = variables(&choices, &family());
    }
}
