//! A part's type is free text in the catalogue, by custom written as a code
//! (`RAW_MATERIAL`, `COMPONENT`). Pages show it through `part_type_label`,
//! so a code reads as words and text typed as words stays as typed.

/// `RAW_MATERIAL` as "Raw material"; text with lower-case letters as is.
pub fn part_type_label(text: &str) -> String {
    let is_code = !text.chars().any(char::is_lowercase);
    if !is_code {
        return text.to_owned();
    }
    let words = text.replace('_', " ").to_lowercase();
    let mut chars = words.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_as_words_and_words_stay_as_typed() {
        assert_eq!(part_type_label("RAW_MATERIAL"), "Raw material");
        assert_eq!(part_type_label("COMPONENT"), "Component");
        assert_eq!(
            part_type_label("Sheet metal (16 ga)"),
            "Sheet metal (16 ga)"
        );
        assert_eq!(part_type_label(""), "");
    }
}
