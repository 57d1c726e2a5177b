/// Notes on a substitute (a `TEXT` column): a page of text.
pub const NOTES_LIMIT: usize = 2_000;

crate::db_enum::db_enum! {
    /// How freely a substitute may replace its primary part.
    #[derive(PartialOrd, Ord)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum SubstituteType: "substitute type" {
        /// Use it whenever the primary is short.
        Preferred = "PREFERRED" as "Preferred",
        /// Use it when no preferred substitute is available.
        Acceptable = "ACCEPTABLE" as "Acceptable",
        /// Only as a last resort, with approval.
        Emergency = "EMERGENCY" as "Emergency only",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preferred_substitutes_sort_first() {
        let mut types = [SubstituteType::Emergency, SubstituteType::Preferred];
        types.sort();
        assert_eq!(types[0], SubstituteType::Preferred);
    }
}
