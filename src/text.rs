//! Text typed into a field: trimmed, empty meaning "not given", and never
//! longer than its field holds. A refusal says the limit and how long the
//! text is, so nothing is cut silently and the user knows how much to cut.

use crate::number::grouped;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
