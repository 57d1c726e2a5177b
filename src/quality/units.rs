//! The units a measurement is specified and read in. The list is short on
//! purpose: the shop measures lengths (mm, in), angles, times, voltages,
//! weights, forces, pressures and fill levels, and nothing else. Units of
//! one quantity share a base unit and convert into it by multiplying by an
//! exact factor (1 in = 25.4 mm, 1 min = 60 s), so two values compared in
//! the base are compared exactly, with no floating point anywhere.

use rust_decimal::Decimal;

crate::db_enum::db_enum! {
    /// A unit of measurement, stored as its symbol.
    pub enum Unit: "unit" {
        Millimetre = "mm" as "mm",
        Inch = "in" as "in",
        Degree = "deg" as "°",
        Second = "s" as "s",
        Minute = "min" as "min",
        Volt = "V" as "V",
        Kilogram = "kg" as "kg",
        Newton = "N" as "N",
        Psi = "psi" as "psi",
        Percent = "%" as "%",
    }
}

impl Unit {
    /// The unit this one converts into: millimetres for lengths, seconds
    /// for times, itself otherwise.
    pub fn base(self) -> Unit {
        match self {
            Self::Inch => Self::Millimetre,
            Self::Minute => Self::Second,
            other => other,
        }
    }

    /// How many base units one of this unit is, exactly.
    pub fn factor(self) -> Decimal {
        match self {
            Self::Inch => Decimal::new(254, 1),
            Self::Minute => Decimal::from(60),
            _ => Decimal::ONE,
        }
    }

    /// Whether a value in `other` can be compared with one in this unit.
    pub fn converts_to(self, other: Unit) -> bool {
        self.base() == other.base()
    }

    /// `value` of this unit in its base unit. Values are bounded well below
    /// `Decimal`'s range (readings under 10⁹, specs under 10⁸), so the
    /// product never overflows.
    pub fn to_base(self, value: Decimal) -> Decimal {
        value * self.factor()
    }

    /// `value` with its symbol, as a person writes it: `25 mm`, `90°`, `40%`.
    pub fn quantity(self, value: Decimal) -> String {
        match self {
            Self::Degree | Self::Percent => format!("{value}{}", self.label()),
            _ => format!("{value} {}", self.label()),
        }
    }
}
