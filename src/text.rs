//! Text typed into a field: trimmed, empty meaning "not given", and never
//! longer than its field holds. A refusal says the limit and how long the
//! text is, so nothing is cut silently and the user knows how much to cut.
//! The form helpers below read a field's limit from its draft's
//! `text_limit` and add each refusal at its field, so every draft checks
//! its text the same way; a checkbox's value is read here too.

use crate::FieldError;
use crate::number::grouped;

/// The most characters each text field of a form holds, by field name;
/// `None` for a field that is not free text.
pub type Limits = fn(&str) -> Option<usize>;

/// Trimmed `raw` of at most `max` characters; empty is `None`.
pub fn limited(raw: &str, max: usize) -> Result<Option<String>, String> {
    let value = raw.trim();
    let length = value.chars().count();
    if length > max {
        return Err(format!(
            "At most {} characters; this has {}.",
            grouped(max),
            grouped(length)
        ));
    }
    Ok((!value.is_empty()).then(|| value.to_owned()))
}

/// The form field `field`: trimmed text of at most its limit, empty is
/// `None`; a refusal is added to `errors`.
pub fn optional(
    errors: &mut Vec<FieldError>,
    limits: Limits,
    field: &str,
    raw: &str,
) -> Option<String> {
    limited(raw, limits(field).unwrap_or(usize::MAX))
        .map_err(|message| errors.push(FieldError::new(field, message)))
        .ok()
        .flatten()
}

/// Like `optional`, but empty is an error.
pub fn required(errors: &mut Vec<FieldError>, limits: Limits, field: &str, raw: &str) -> String {
    let before = errors.len();
    let value = optional(errors, limits, field, raw);
    if value.is_none() && errors.len() == before {
        errors.push(FieldError::new(field, "This field is required."));
    }
    value.unwrap_or_default()
}

/// Like `optional`, then read by `parse` (an email address, a phone number,
/// a website), whose refusal is the field's message.
pub fn optional_parsed<T, E: ToString>(
    errors: &mut Vec<FieldError>,
    limits: Limits,
    field: &str,
    raw: &str,
    parse: impl Fn(&str) -> Result<T, E>,
) -> Option<T> {
    let text = optional(errors, limits, field, raw)?;
    parse(&text)
        .map_err(|error| errors.push(FieldError::new(field, error.to_string())))
        .ok()
}

/// The lines of a list field (tools, skills), trimmed, blank ones left out.
pub fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether a checkbox was ticked: a browser sends its value (`yes`, or
/// `on` for one without a value), an API caller may send `true`.
pub fn ticked(raw: &str) -> bool {
    matches!(raw.trim(), "yes" | "on" | "true")
}

/// A checkbox's value as a draft holds it: what a ticked box sends, or
/// nothing.
pub fn checkbox(on: bool) -> String {
    if on { "yes" } else { "" }.to_owned()
}

/// Bytes as lowercase hexadecimal, two digits each: how hashes and tokens
/// are written.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// A moment as every page and record shows it: to the minute, in UTC
/// (`2026-12-01 10:42 UTC`), so readers in any time zone read one clock.
pub fn minute_utc(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(field: &str) -> Option<usize> {
        (field == "name").then_some(5)
    }

    #[test]
    fn text_longer_than_its_field_is_refused_with_both_lengths() {
        let long = "x".repeat(10_025);
        assert_eq!(
            limited(&long, 100),
            Err("At most 100 characters; this has 10,025.".to_owned())
        );
        assert_eq!(limited("  PO-7  ", 100), Ok(Some("PO-7".to_owned())));
        assert_eq!(limited("   ", 100), Ok(None));
        assert_eq!(limited("ééé", 3), Ok(Some("ééé".to_owned())));
    }

    #[test]
    fn a_form_field_is_refused_at_its_name_and_a_missing_one_is_required() {
        let mut errors = Vec::new();
        assert_eq!(
            optional(&mut errors, limits, "name", " Ann "),
            Some("Ann".into())
        );
        assert_eq!(optional(&mut errors, limits, "name", "Annabel"), None);
        assert_eq!(required(&mut errors, limits, "note", "  "), "");
        let said: Vec<_> = errors
            .iter()
            .map(|error| (error.field.as_str(), error.message.as_str()))
            .collect();
        assert_eq!(
            said,
            [
                ("name", "At most 5 characters; this has 7."),
                ("note", "This field is required.")
            ]
        );
    }

    #[test]
    fn a_parsed_field_says_the_parsers_refusal() {
        let mut errors = Vec::new();
        let number = |text: &str| text.parse::<i32>().map_err(|_| "Enter a number.");
        assert_eq!(
            optional_parsed(&mut errors, limits, "name", "42", number),
            Some(42)
        );
        assert_eq!(
            optional_parsed(&mut errors, limits, "name", "", number),
            None
        );
        assert_eq!(
            optional_parsed(&mut errors, limits, "name", "x", number),
            None
        );
        assert_eq!(errors, [FieldError::new("name", "Enter a number.")]);
    }

    #[test]
    fn a_ticked_checkbox_reads_back_as_ticked() {
        assert!(ticked(&checkbox(true)));
        assert!(!ticked(&checkbox(false)));
        assert!(ticked(" on ") && ticked("true") && !ticked("no"));
    }
}
