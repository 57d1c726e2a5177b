//! What a measurement must read: a nominal value with a tolerance around
//! it, or bare limits (at least, at most, between), in one unit. A `Spec`
//! is always sound: a tolerance around a nominal has a nominal, deviations
//! are not negative and not both zero, a range's low end is below its high
//! end, and a nominal given lies within the limits. It is stored as four
//! columns (`SpecParts`) and read back through `Spec::from_parts`, which
//! refuses anything else at the field that holds it.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::Unit;
use crate::number::grouped;
use crate::{DbEnum, FieldError};

crate::db_enum::db_enum! {
    /// The shape of a tolerance, as `tolerance_kind` stores it.
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum ToleranceKind: "tolerance" {
        Symmetric = "SYMMETRIC" as "Plus or minus",
        Asymmetric = "ASYMMETRIC" as "Plus and minus",
        Minimum = "MINIMUM" as "At least",
        Maximum = "MAXIMUM" as "At most",
        Range = "RANGE" as "Between",
    }
}

/// How far a reading may lie from what is specified. Deviations
/// (`plus_minus`, `plus`, `minus`) are magnitudes around the nominal;
/// the other three are limits in the spec's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tolerance {
    Symmetric { plus_minus: Decimal },
    Asymmetric { plus: Decimal, minus: Decimal },
    Minimum { low: Decimal },
    Maximum { high: Decimal },
    Range { low: Decimal, high: Decimal },
}

impl Tolerance {
    pub fn kind(self) -> ToleranceKind {
        match self {
            Self::Symmetric { .. } => ToleranceKind::Symmetric,
            Self::Asymmetric { .. } => ToleranceKind::Asymmetric,
            Self::Minimum { .. } => ToleranceKind::Minimum,
            Self::Maximum { .. } => ToleranceKind::Maximum,
            Self::Range { .. } => ToleranceKind::Range,
        }
    }
}

/// A measurement's specification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spec {
    nominal: Option<Decimal>,
    tolerance: Tolerance,
    unit: Unit,
}

/// A spec as its columns hold it. `tolerance_plus` holds the upper
/// deviation or limit and `tolerance_minus` the lower one: ± puts its
/// deviation in `tolerance_plus` alone, a minimum its limit in
/// `tolerance_minus`, a maximum in `tolerance_plus`, a range both ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpecParts {
    pub nominal: Option<Decimal>,
    pub tolerance_kind: String,
    pub tolerance_plus: Option<Decimal>,
    pub tolerance_minus: Option<Decimal>,
    pub unit: String,
}

/// The largest magnitude a spec's value has: `NUMERIC(14,6)` holds eight
/// whole digits.
const SPEC_VALUE_LIMIT: i64 = 100_000_000;
/// Decimals a spec's value has at most, as its column stores them.
pub const SPEC_SCALE: u32 = 6;

impl Spec {
    /// The spec the columns hold, or the first field that is wrong.
    pub fn from_parts(parts: &SpecParts) -> Result<Spec, FieldError> {
        let unit = Unit::parse(&parts.unit)
            .map_err(|_| FieldError::new("unit", "Choose the unit the value is measured in."))?;
        let kind = ToleranceKind::parse(&parts.tolerance_kind)
            .map_err(|_| FieldError::new("tolerance_kind", "Choose a kind of tolerance."))?;
        let nominal = parts
            .nominal
            .map(|value| bounded("nominal", value))
            .transpose()?;
        let value = |field: &str, value: Option<Decimal>, what: &str| match value {
            Some(value) => bounded(field, value),
            None => Err(FieldError::new(field, format!("Enter {what}."))),
        };
        let no_value = |field: &str, value: Option<Decimal>| match value {
            Some(_) => Err(FieldError::new(
                field,
                format!("{} takes no value here.", kind.label()),
            )),
            None => Ok(()),
        };
        let plus = || value("tolerance_plus", parts.tolerance_plus, "the upper value");
        let minus = || value("tolerance_minus", parts.tolerance_minus, "the lower value");
        let tolerance = match kind {
            ToleranceKind::Symmetric => {
                no_value("tolerance_minus", parts.tolerance_minus)?;
                Tolerance::Symmetric {
                    plus_minus: plus()?,
                }
            }
            ToleranceKind::Asymmetric => Tolerance::Asymmetric {
                plus: plus()?,
                minus: minus()?,
            },
            ToleranceKind::Minimum => {
                no_value("tolerance_plus", parts.tolerance_plus)?;
                Tolerance::Minimum { low: minus()? }
            }
            ToleranceKind::Maximum => {
                no_value("tolerance_minus", parts.tolerance_minus)?;
                Tolerance::Maximum { high: plus()? }
            }
            ToleranceKind::Range => Tolerance::Range {
                low: minus()?,
                high: plus()?,
            },
        };
        let spec = Spec {
            nominal,
            tolerance,
            unit,
        };
        spec.sound()?;
        Ok(spec)
    }

    /// The columns that store the spec; `from_parts` reads them back.
    pub fn parts(&self) -> SpecParts {
        let (plus, minus) = match self.tolerance {
            Tolerance::Symmetric { plus_minus } => (Some(plus_minus), None),
            Tolerance::Asymmetric { plus, minus } => (Some(plus), Some(minus)),
            Tolerance::Minimum { low } => (None, Some(low)),
            Tolerance::Maximum { high } => (Some(high), None),
            Tolerance::Range { low, high } => (Some(high), Some(low)),
        };
        SpecParts {
            nominal: self.nominal,
            tolerance_kind: self.tolerance.kind().as_db_str().to_owned(),
            tolerance_plus: plus,
            tolerance_minus: minus,
            unit: self.unit.as_db_str().to_owned(),
        }
    }

    pub fn nominal(&self) -> Option<Decimal> {
        self.nominal
    }

    pub fn tolerance(&self) -> Tolerance {
        self.tolerance
    }

    pub fn unit(&self) -> Unit {
        self.unit
    }

    /// The lowest and highest reading that passes, in the spec's unit,
    /// both inclusive; `None` where there is no limit.
    pub fn limits(&self) -> (Option<Decimal>, Option<Decimal>) {
        let nominal = self.nominal.unwrap_or_default();
        match self.tolerance {
            Tolerance::Symmetric { plus_minus } => {
                (Some(nominal - plus_minus), Some(nominal + plus_minus))
            }
            Tolerance::Asymmetric { plus, minus } => (Some(nominal - minus), Some(nominal + plus)),
            Tolerance::Minimum { low } => (Some(low), None),
            Tolerance::Maximum { high } => (None, Some(high)),
            Tolerance::Range { low, high } => (Some(low), Some(high)),
        }
    }

    /// The spec as the inspector reads it: `25 mm ± 1.5`,
    /// `25 mm +0.5 / −0.2`, `≥ 5 min`, `≤ 30 psi`, `600–610 mm`.
    pub fn describe(&self) -> String {
        let unit = self.unit;
        let nominal = self.nominal.unwrap_or_default().normalize();
        match self.tolerance {
            Tolerance::Symmetric { plus_minus } => {
                format!("{} ± {}", unit.quantity(nominal), plus_minus.normalize())
            }
            Tolerance::Asymmetric { plus, minus } => format!(
                "{} +{} / −{}",
                unit.quantity(nominal),
                plus.normalize(),
                minus.normalize()
            ),
            Tolerance::Minimum { low } => format!("≥ {}", unit.quantity(low.normalize())),
            Tolerance::Maximum { high } => format!("≤ {}", unit.quantity(high.normalize())),
            Tolerance::Range { low, high } => {
                format!("{}–{}", low.normalize(), unit.quantity(high.normalize()))
            }
        }
    }

    /// The rules a spec keeps beyond its fields' own shapes.
    fn sound(&self) -> Result<(), FieldError> {
        let negative = |field: &str, value: Decimal| {
            (value < Decimal::ZERO)
                .then(|| FieldError::new(field, "A tolerance is a distance: not negative."))
        };
        let problem = match self.tolerance {
            Tolerance::Symmetric { .. } | Tolerance::Asymmetric { .. }
                if self.nominal.is_none() =>
            {
                Some(FieldError::new(
                    "nominal",
                    "A tolerance around a value needs that value.",
                ))
            }
            Tolerance::Symmetric { plus_minus } => (plus_minus <= Decimal::ZERO)
                .then(|| FieldError::new("tolerance_plus", "A ± tolerance is greater than zero.")),
            Tolerance::Asymmetric { plus, minus } => negative("tolerance_plus", plus)
                .or_else(|| negative("tolerance_minus", minus))
                .or_else(|| {
                    (plus + minus == Decimal::ZERO).then(|| {
                        FieldError::new("tolerance_plus", "Allow some deviation one way or both.")
                    })
                }),
            Tolerance::Range { low, high } => (low >= high).then(|| {
                FieldError::new(
                    "tolerance_plus",
                    "The upper end of a range is above its lower end.",
                )
            }),
            Tolerance::Minimum { .. } | Tolerance::Maximum { .. } => None,
        };
        if let Some(problem) = problem {
            return Err(problem);
        }
        let (low, high) = self.limits();
        match self.nominal {
            Some(nominal)
                if low.is_some_and(|low| nominal < low)
                    || high.is_some_and(|high| nominal > high) =>
            {
                Err(FieldError::new(
                    "nominal",
                    "The nominal value lies within the limits.",
                ))
            }
            _ => Ok(()),
        }
    }
}

/// `value` when its column can hold it.
fn bounded(field: &str, value: Decimal) -> Result<Decimal, FieldError> {
    if value.abs() >= Decimal::from(SPEC_VALUE_LIMIT) {
        return Err(FieldError::new(
            field,
            format!("Enter a value below {}.", grouped(SPEC_VALUE_LIMIT)),
        ));
    }
    if value.normalize().scale() > SPEC_SCALE {
        return Err(FieldError::new(
            field,
            format!("Use at most {SPEC_SCALE} decimals."),
        ));
    }
    Ok(value)
}
