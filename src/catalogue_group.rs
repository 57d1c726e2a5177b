//! A group of the catalogue (a category, assembly or sub-assembly) as its
//! form sends it, parsed into what the catalogue stores. Only `parse` makes a
//! `GroupDraft`, so a save never sees a key, name or status the form could
//! not have sent; the database's own constraints (unique keys, the group
//! above) are said at their fields by the save.

use crate::text::limited;
use crate::{CatalogueLevel, DbEnum, FieldError, PartNumber, PartStatus};

const PARTS_HAVE_THEIR_OWN_FORM: &str = "Parts are edited on the part form.";

/// The level a group form names, as typed: `1` (categories) to `3`
/// (sub-assemblies). Parts are refused: they have their own form.
pub fn parse_level(raw: &str) -> Result<CatalogueLevel, String> {
    let depth = raw
        .trim()
        .parse::<i64>()
        .map_err(|_| "The level is a number from 1 to 4.".to_owned())?;
    match CatalogueLevel::from_depth(depth).map_err(|error| error.to_string())? {
        CatalogueLevel::Part => Err(PARTS_HAVE_THEIR_OWN_FORM.to_owned()),
        level => Ok(level),
    }
}

/// A group as the catalogue stores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupDraft {
    level: CatalogueLevel,
    key: String,
    name: String,
    description: Option<String>,
    status: PartStatus,
}

impl GroupDraft {
    /// Parses every field of a group of `level`, reporting every problem
    /// rather than the first: a category's code is upper-cased, a
    /// (sub-)assembly's key is a part number, the name is required, and text
    /// is refused beyond its column.
    pub fn parse(
        level: CatalogueLevel,
        key: &str,
        name: &str,
        description: &str,
        status: &str,
    ) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let key = match level {
            CatalogueLevel::Part => {
                return Err(vec![FieldError::new("level", PARTS_HAVE_THEIR_OWN_FORM)]);
            }
            CatalogueLevel::Category => {
                let code = key.trim().to_ascii_uppercase();
                let valid = !code.is_empty()
                    && code.len() <= 50
                    && code
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
                if !valid {
                    errors.push(FieldError::new(
                        "key",
                        "A code has 1 to 50 letters, digits, - or _.",
                    ));
                }
                code
            }
            _ => PartNumber::parse(key)
                .map(|number| number.to_string())
                .unwrap_or_else(|error| {
                    errors.push(FieldError::new("key", error.to_string()));
                    String::new()
                }),
        };
        let mut text = |field: &str, raw: &str| {
            limited(raw, level.text_limit(field).unwrap_or(usize::MAX))
                .map_err(|message| errors.push(FieldError::new(field, message)))
                .ok()
                .flatten()
        };
        let name = text("name", name);
        let description = text("description", description);
        if name.is_none() && !errors.iter().any(|error| error.field == "name") {
            errors.push(FieldError::new("name", "Enter a name."));
        }
        let status = PartStatus::parse(status).unwrap_or_else(|_| {
            errors.push(FieldError::new("status", "Choose a status."));
            PartStatus::Active
        });
        let (Some(name), true) = (name, errors.is_empty()) else {
            return Err(errors);
        };
        Ok(Self {
            level,
            key,
            name,
            description,
            status,
        })
    }

    pub fn level(&self) -> CatalogueLevel {
        self.level
    }

    /// A category's code or a (sub-)assembly's part number.
    pub fn key(&self) -> &str {
        &self.key
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    pub fn status(&self) -> PartStatus {
        self.status
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(errors: Vec<FieldError>) -> Vec<(String, String)> {
        errors
            .into_iter()
            .map(|error| (error.field, error.message))
            .collect()
    }

    #[test]
    fn a_group_form_names_levels_one_to_three() {
        assert_eq!(parse_level(" 1 "), Ok(CatalogueLevel::Category));
        assert_eq!(parse_level("3"), Ok(CatalogueLevel::SubAssembly));
        assert_eq!(
            parse_level("two"),
            Err("The level is a number from 1 to 4.".to_owned())
        );
        assert_eq!(
            parse_level("5"),
            Err("The catalogue has levels 1 to 4; 5 is out of range.".to_owned())
        );
        assert_eq!(
            parse_level("4"),
            Err("Parts are edited on the part form.".to_owned())
        );
    }

    #[test]
    fn a_category_code_is_upper_cased_and_trimmed() {
        let draft = GroupDraft::parse(CatalogueLevel::Category, " frames ", "Frames", "", "ACTIVE")
            .unwrap();
        assert_eq!(
            (
                draft.key(),
                draft.name(),
                draft.description(),
                draft.status()
            ),
            ("FRAMES", "Frames", None, PartStatus::Active)
        );
    }

    #[test]
    fn a_category_code_holds_letters_digits_dashes_and_underscores_only() {
        let refused =
            GroupDraft::parse(CatalogueLevel::Category, "FR AMES", "Frames", "", "ACTIVE");
        assert_eq!(
            fields(refused.unwrap_err()),
            [(
                "key".to_owned(),
                "A code has 1 to 50 letters, digits, - or _.".to_owned()
            )]
        );
        let long = "C".repeat(51);
        assert!(GroupDraft::parse(CatalogueLevel::Category, &long, "x", "", "ACTIVE").is_err());
    }

    #[test]
    fn an_assembly_is_keyed_by_a_part_number() {
        let draft = GroupDraft::parse(
            CatalogueLevel::Assembly,
            "asm-120",
            "Legs",
            "Welded",
            "OBSOLETE",
        )
        .unwrap();
        assert_eq!(
            (draft.level(), draft.key(), draft.description()),
            (CatalogueLevel::Assembly, "ASM-120", Some("Welded"))
        );
        assert_eq!(draft.status(), PartStatus::Obsolete);
        let refused = GroupDraft::parse(CatalogueLevel::SubAssembly, "", "Legs", "", "ACTIVE");
        assert_eq!(fields(refused.unwrap_err())[0].0, "key");
    }

    #[test]
    fn every_problem_is_reported_at_its_field() {
        let refused = GroupDraft::parse(
            CatalogueLevel::Category,
            "",
            "  ",
            &"d".repeat(2_001),
            "MAYBE",
        );
        assert_eq!(
            fields(refused.unwrap_err()),
            [
                (
                    "key".to_owned(),
                    "A code has 1 to 50 letters, digits, - or _.".to_owned()
                ),
                (
                    "description".to_owned(),
                    "At most 2,000 characters; this has 2,001.".to_owned()
                ),
                ("name".to_owned(), "Enter a name.".to_owned()),
                ("status".to_owned(), "Choose a status.".to_owned()),
            ]
        );
    }

    #[test]
    fn a_name_longer_than_its_column_is_refused_with_its_length_not_as_missing() {
        let refused = GroupDraft::parse(
            CatalogueLevel::Category,
            "X",
            &"n".repeat(256),
            "",
            "ACTIVE",
        );
        assert_eq!(
            fields(refused.unwrap_err()),
            [(
                "name".to_owned(),
                "At most 255 characters; this has 256.".to_owned()
            )]
        );
    }

    #[test]
    fn parts_are_not_groups() {
        let refused = GroupDraft::parse(CatalogueLevel::Part, "111-0001", "x", "", "ACTIVE");
        assert_eq!(
            fields(refused.unwrap_err()),
            [(
                "level".to_owned(),
                "Parts are edited on the part form.".to_owned()
            )]
        );
    }
}
