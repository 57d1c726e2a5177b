/// An enum stored in the database as its upper-case variant name, parsed at
/// the edge so the rest of the code never handles the raw text.
pub trait DbEnum: Copy + 'static {
    /// What the enum names, for error messages ("order status").
    const KIND: &'static str;
    /// Every variant, in the domain's natural order.
    const ALL: &'static [Self];

    fn as_db_str(self) -> &'static str;

    fn parse(value: &str) -> Result<Self, UnknownVariant> {
        Self::ALL
            .iter()
            .copied()
            .find(|variant| variant.as_db_str() == value)
            .ok_or_else(|| UnknownVariant {
                kind: Self::KIND,
                value: value.to_owned(),
            })
    }
}

/// A database or form value that names no known variant of an enum.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} `{value}`")]
pub struct UnknownVariant {
    pub kind: &'static str,
    pub value: String,
}
