//! Which rows a page of a list shows. A page number arrives in an address
//! the user can edit, so it is clamped to the pages a list can have before
//! anything adds to it or multiplies it: no overflow, no negative offset,
//! in the browser and on the server alike.

/// The last page any list serves (zero-based): a million pages of the
/// largest page size is far beyond any list this works with, and still far
/// from overflowing an offset.
pub const LAST_PAGE: i64 = 1_000_000;

/// The most rows one page may ask for.
pub const MAX_PAGE_SIZE: i64 = 200;

/// A zero-based page of a list, between 0 and [`LAST_PAGE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Page(i64);

impl Page {
    /// The page asked for by its zero-based index, as a server function
    /// receives it: anything out of range is brought to the nearest page.
    pub fn requested(index: i64) -> Self {
        Self(index.clamp(0, LAST_PAGE))
    }

    /// The page named by an address's one-based `page=` value; a missing or
    /// unreadable value is the first page.
    pub fn from_address(value: Option<&str>) -> Self {
        value
            .and_then(|text| text.trim().parse::<i64>().ok())
            .map_or(Self(0), |number| Self::requested(number.saturating_sub(1)))
    }

    /// The zero-based index, as list arguments carry it.
    pub fn index(self) -> i64 {
        self.0
    }

    /// The one-based number an address and a reader use.
    pub fn number(self) -> i64 {
        self.0 + 1
    }

    /// The rows before this page when a page holds `page_size` rows (taken
    /// as 1 to [`MAX_PAGE_SIZE`]).
    pub fn offset(self, page_size: i64) -> i64 {
        self.0 * page_size.clamp(1, MAX_PAGE_SIZE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn an_address_names_pages_from_one() {
        assert_eq!(Page::from_address(Some("3")).index(), 2);
        assert_eq!(Page::from_address(Some("1")), Page::default());
    }

    #[test]
    fn a_missing_or_unreadable_page_is_the_first() {
        for value in [None, Some(""), Some("two"), Some("0"), Some("-4")] {
            assert_eq!(Page::from_address(value), Page::default(), "{value:?}");
        }
    }

    #[test]
    fn a_page_beyond_the_last_is_the_last() {
        assert_eq!(Page::requested(i64::MAX).index(), LAST_PAGE);
        assert_eq!(
            Page::from_address(Some(&i64::MIN.to_string())),
            Page::default()
        );
        assert_eq!(
            Page::from_address(Some(&i64::MAX.to_string())).index(),
            LAST_PAGE
        );
    }

    proptest! {
        #[test]
        fn no_requested_page_overflows_its_offset_or_its_neighbours(index: i64, size: i64) {
            let page = Page::requested(index);
            prop_assert!(page.offset(size) >= 0);
            prop_assert!(page.number() > page.index());
            prop_assert!(page.offset(size) <= LAST_PAGE * MAX_PAGE_SIZE);
        }
    }
}
