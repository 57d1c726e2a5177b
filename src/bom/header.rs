//! A template's own fields as the editor holds them, and their checks: a
//! name that fits its column, a selection rule that reads, a priority in
//! range and a description within a page. The editor runs these as the
//! admin types and the server runs them again before a save, so both say
//! the same thing at the same field.

use serde::{Deserialize, Serialize};

use super::Selection;
use crate::FieldError;
use crate::text::limited;

/// Templates are tried from priority 0 up to this.
pub const MAX_PRIORITY: i32 = 10_000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TemplateHeader {
    pub name: String,
    /// The selection rule; empty matches every configuration of the family.
    pub rule: String,
    pub priority: String,
    pub active: bool,
    pub description: String,
}

impl TemplateHeader {
    /// The most characters each text field holds: `template_name
    /// VARCHAR(255)`, and for the description (a `TEXT` column) a page.
    pub fn text_limit(field: &str) -> Option<usize> {
        match field {
            "name" => Some(255),
            "description" => Some(2_000),
            _ => None,
        }
    }

    /// The priority when it is a whole number from 0 to `MAX_PRIORITY`.
    pub fn priority(&self) -> Option<i32> {
        self.priority
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|priority| (0..=MAX_PRIORITY).contains(priority))
    }

    /// The name a new, empty template starts with: given, and fitting its
    /// column.
    pub fn new_name(raw: &str) -> Result<String, FieldError> {
        let max = Self::text_limit("name").unwrap_or(usize::MAX);
        match limited(raw, max) {
            Ok(Some(name)) => Ok(name),
            _ => Err(FieldError::new(
                "name",
                "Give the template a name of at most 255 characters.",
            )),
        }
    }

    /// Every field the header gets wrong, each at its field.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut text = |field: &str, raw: &str| {
            let max = Self::text_limit(field).unwrap_or(usize::MAX);
            limited(raw, max)
                .map_err(|message| errors.push(FieldError::new(field, message)))
                .ok()
                .flatten()
        };
        let name = text("name", &self.name);
        text("description", &self.description);
        if name.is_none() && !errors.iter().any(|error| error.field == "name") {
            errors.push(FieldError::new("name", "Give the template a name."));
        }
        if let Err(error) = Selection::parse(&self.rule) {
            errors.push(FieldError::new("rule", error.to_string()));
        }
        if self.priority().is_none() {
            errors.push(FieldError::new(
                "priority",
                "Give a whole number from 0 to 10000: lower is tried first.",
            ));
        }
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> TemplateHeader {
        TemplateHeader {
            name: "ESR standard".into(),
            rule: "basin_count >= 1".into(),
            priority: "100".into(),
            active: true,
            description: String::new(),
        }
    }

    fn fields(header: &TemplateHeader) -> Vec<String> {
        header
            .problems()
            .into_iter()
            .map(|error| error.field)
            .collect()
    }

    #[test]
    fn a_named_header_with_a_rule_that_reads_and_a_priority_in_range_has_no_problems() {
        assert!(header().problems().is_empty());
        assert_eq!(header().priority(), Some(100));
    }

    #[test]
    fn a_name_is_required_and_fits_its_column() {
        let unnamed = TemplateHeader {
            name: "  ".into(),
            ..header()
        };
        assert_eq!(fields(&unnamed), ["name"]);
        let long = TemplateHeader {
            name: "n".repeat(256),
            ..header()
        };
        assert_eq!(
            long.problems()[0].message,
            "At most 255 characters; this has 256."
        );
    }

    #[test]
    fn a_new_templates_name_is_trimmed_given_and_fits_its_column() {
        assert_eq!(
            TemplateHeader::new_name("  Lab on casters ").as_deref(),
            Ok("Lab on casters")
        );
        for refused in ["", "  ", &"n".repeat(256)] {
            let error = TemplateHeader::new_name(refused).unwrap_err();
            assert_eq!(
                (error.field.as_str(), error.message.as_str()),
                (
                    "name",
                    "Give the template a name of at most 255 characters."
                )
            );
        }
        assert!(TemplateHeader::new_name(&"n".repeat(255)).is_ok());
    }

    #[test]
    fn a_description_longer_than_a_page_is_refused() {
        let long = TemplateHeader {
            description: "d".repeat(2_001),
            ..header()
        };
        assert_eq!(fields(&long), ["description"]);
    }

    #[test]
    fn the_priority_is_a_whole_number_from_0_to_10000_and_the_rule_must_read() {
        for priority in ["-1", "10001", "1.5", ""] {
            let header = TemplateHeader {
                priority: priority.into(),
                ..header()
            };
            assert_eq!(fields(&header), ["priority"], "{priority}");
        }
        let unreadable = TemplateHeader {
            rule: "basin_count >=".into(),
            ..header()
        };
        assert_eq!(fields(&unreadable), ["rule"]);
    }
}
