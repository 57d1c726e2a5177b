use serde::{Deserialize, Serialize};

use crate::DbEnum;

/// The unit a part is stocked and counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum UnitOfMeasure {
    Each,
    Pair,
    Set,
    Feet,
    Inches,
    Pounds,
    Ounces,
}

impl DbEnum for UnitOfMeasure {
    const KIND: &'static str = "unit of measure";
    const ALL: &'static [Self] = &[
        Self::Each,
        Self::Pair,
        Self::Set,
        Self::Feet,
        Self::Inches,
        Self::Pounds,
        Self::Ounces,
    ];

    fn as_db_str(self) -> &'static str {
        match self {
            Self::Each => "EACH",
            Self::Pair => "PAIR",
            Self::Set => "SET",
            Self::Feet => "FEET",
            Self::Inches => "INCHES",
            Self::Pounds => "POUNDS",
            Self::Ounces => "OUNCES",
        }
    }
}

impl UnitOfMeasure {
    /// A unit that is counted, not measured: a BOM line of such a part
    /// needs whole units (2.04 deck panels is 3 panels).
    pub fn counted(self) -> bool {
        matches!(self, Self::Each | Self::Pair | Self::Set)
    }

    /// The unit as a stock list writes it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Each => "Each",
            Self::Pair => "Pair",
            Self::Set => "Set",
            Self::Feet => "Feet",
            Self::Inches => "Inches",
            Self::Pounds => "Pounds",
            Self::Ounces => "Ounces",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn database_values_round_trip() {
        for &unit in UnitOfMeasure::ALL {
            assert_eq!(UnitOfMeasure::parse(unit.as_db_str()), Ok(unit));
        }
    }
}
