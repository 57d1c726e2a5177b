crate::db_enum::db_enum! {
    /// The unit a part is stocked and counted in.
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum UnitOfMeasure: "unit of measure" {
        Each = "EACH" as "Each",
        Pair = "PAIR" as "Pair",
        Set = "SET" as "Set",
        Feet = "FEET" as "Feet",
        Inches = "INCHES" as "Inches",
        Pounds = "POUNDS" as "Pounds",
        Ounces = "OUNCES" as "Ounces",
    }
}

impl UnitOfMeasure {
    /// A unit that is counted, not measured: a BOM line of such a part
    /// needs whole units (2.04 deck panels is 3 panels).
    pub fn counted(self) -> bool {
        matches!(self, Self::Each | Self::Pair | Self::Set)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DbEnum;

    #[test]
    fn pieces_are_counted_and_lengths_and_weights_are_measured() {
        let counted: Vec<UnitOfMeasure> = UnitOfMeasure::ALL
            .iter()
            .copied()
            .filter(|unit| unit.counted())
            .collect();
        assert_eq!(
            counted,
            [UnitOfMeasure::Each, UnitOfMeasure::Pair, UnitOfMeasure::Set]
        );
    }
}
