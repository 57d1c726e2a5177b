use serde::{Deserialize, Serialize};

use crate::PartNumber;

/// The four levels of the catalogue, outermost first. Each item belongs to
/// exactly one item of the level above (a part may also stand alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CatalogueLevel {
    Category,
    Assembly,
    SubAssembly,
    Part,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("The catalogue has levels 1 to 4; {0} is out of range.")]
pub struct LevelOutOfRange(pub i64);

impl CatalogueLevel {
    pub const ALL: [Self; 4] = [
        Self::Category,
        Self::Assembly,
        Self::SubAssembly,
        Self::Part,
    ];

    /// 1 for categories down to 4 for parts, as the design numbers them.
    pub fn depth(self) -> u8 {
        self as u8 + 1
    }

    pub fn from_depth(depth: i64) -> Result<Self, LevelOutOfRange> {
        usize::try_from(depth - 1)
            .ok()
            .and_then(|index| Self::ALL.get(index).copied())
            .ok_or(LevelOutOfRange(depth))
    }

    /// The level of this item's children; parts have none.
    pub fn child(self) -> Option<Self> {
        Self::from_depth(i64::from(self.depth()) + 1).ok()
    }

    /// The level of this item's parent; categories have none.
    pub fn parent(self) -> Option<Self> {
        Self::from_depth(i64::from(self.depth()) - 1).ok()
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Category => "Category",
            Self::Assembly => "Assembly",
            Self::SubAssembly => "Sub-assembly",
            Self::Part => "Part",
        }
    }

    /// The most characters each text field of an item of this level holds,
    /// as the group form says them: its key (a category's `code
    /// VARCHAR(50)`, otherwise a part number), its `name VARCHAR(255)`, and
    /// its description (a `TEXT` column) a page of text.
    pub fn text_limit(self, field: &str) -> Option<usize> {
        match field {
            "key" if self == Self::Category => Some(50),
            "key" => Some(PartNumber::MAX_LEN),
            "name" => Some(255),
            "description" => Some(2_000),
            _ => None,
        }
    }

    /// The URL segment of this level's pages.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Category => "category",
            Self::Assembly => "assembly",
            Self::SubAssembly => "sub-assembly",
            Self::Part => "part",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|level| level.slug() == slug)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_run_from_one_to_four() {
        assert_eq!(CatalogueLevel::from_depth(1), Ok(CatalogueLevel::Category));
        assert_eq!(CatalogueLevel::from_depth(4), Ok(CatalogueLevel::Part));
        assert_eq!(CatalogueLevel::from_depth(5), Err(LevelOutOfRange(5)));
        assert_eq!(CatalogueLevel::from_depth(0), Err(LevelOutOfRange(0)));
    }

    #[test]
    fn a_category_is_keyed_by_a_short_code_and_the_levels_below_by_part_numbers() {
        assert_eq!(CatalogueLevel::Category.text_limit("key"), Some(50));
        assert_eq!(CatalogueLevel::Assembly.text_limit("key"), Some(100));
        assert_eq!(CatalogueLevel::SubAssembly.text_limit("name"), Some(255));
        assert_eq!(
            CatalogueLevel::Category.text_limit("description"),
            Some(2_000)
        );
        assert_eq!(CatalogueLevel::Category.text_limit("status"), None);
    }

    #[test]
    fn children_and_parents_are_adjacent_levels() {
        for level in CatalogueLevel::ALL {
            if let Some(child) = level.child() {
                assert_eq!(child.parent(), Some(level));
            }
            assert_eq!(CatalogueLevel::from_slug(level.slug()), Some(level));
        }
        assert_eq!(CatalogueLevel::Part.child(), None);
        assert_eq!(CatalogueLevel::Category.parent(), None);
    }
}
