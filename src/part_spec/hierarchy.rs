use std::fmt;

use serde::{Deserialize, Serialize};

use crate::PartNumber;

/// Where a part sits: `category code > assembly > sub-assembly`, the way
/// exports write it and imports read it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct HierarchyPath {
    pub category_code: String,
    pub assembly: PartNumber,
    pub sub_assembly: PartNumber,
}

pub const SEPARATOR: &str = " > ";

impl HierarchyPath {
    /// An empty path means a part outside the hierarchy.
    pub fn parse(text: &str) -> Result<Option<Self>, String> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        let segments: Vec<&str> = text.split('>').map(str::trim).collect();
        let [category, assembly, sub_assembly] = segments[..] else {
            return Err(
                "Write the place as category code > assembly > sub-assembly, for example BODY > 100-0001 > 110-0001."
                    .into(),
            );
        };
        if category.is_empty() {
            return Err("The place needs a category code before the first >.".into());
        }
        let number = |segment: &str, what: &str| {
            PartNumber::parse(segment).map_err(|error| format!("The {what} in the place: {error}"))
        };
        Ok(Some(Self {
            category_code: category.to_ascii_uppercase(),
            assembly: number(assembly, "assembly")?,
            sub_assembly: number(sub_assembly, "sub-assembly")?,
        }))
    }
}

impl fmt::Display for HierarchyPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{SEPARATOR}{}{SEPARATOR}{}",
            self.category_code, self.assembly, self.sub_assembly
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_path_reads_back() {
        let path = HierarchyPath::parse("body > 100-0001>110-0002")
            .unwrap()
            .unwrap();
        assert_eq!(path.to_string(), "BODY > 100-0001 > 110-0002");
        assert_eq!(HierarchyPath::parse(&path.to_string()), Ok(Some(path)));
    }

    #[test]
    fn empty_means_outside_the_hierarchy_and_short_paths_are_refused() {
        assert_eq!(HierarchyPath::parse("  "), Ok(None));
        assert!(HierarchyPath::parse("BODY > 100-0001").is_err());
        assert!(HierarchyPath::parse(" > 100-0001 > 110-0001").is_err());
    }
}
