//! Quality rules as an inspector meets them, on small named specs.

use rust_decimal::Decimal;

use super::{Reading, Spec, SpecParts, Unit};

mod checklists;
mod defects;
mod judging;
mod specs;
mod templates;

pub(super) fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

/// The spec the columns describe; panics on a spec the test means to be sound.
pub(super) fn spec(
    nominal: Option<&str>,
    kind: &str,
    plus: Option<&str>,
    minus: Option<&str>,
    unit: &str,
) -> Spec {
    Spec::from_parts(&parts(nominal, kind, plus, minus, unit)).unwrap()
}

pub(super) fn parts(
    nominal: Option<&str>,
    kind: &str,
    plus: Option<&str>,
    minus: Option<&str>,
    unit: &str,
) -> SpecParts {
    SpecParts {
        nominal: nominal.map(d),
        tolerance_kind: kind.to_owned(),
        tolerance_plus: plus.map(d),
        tolerance_minus: minus.map(d),
        unit: unit.to_owned(),
    }
}

/// A basin's depth: 25.0 mm ± 1.5.
pub(super) fn basin_depth() -> Spec {
    spec(Some("25.0"), "SYMMETRIC", Some("1.5"), None, "mm")
}

pub(super) fn reading(value: &str, unit: Unit) -> Reading {
    Reading {
        value: d(value),
        unit,
    }
}
