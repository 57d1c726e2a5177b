//! Reading specs from their columns, and saying them.

use proptest::prelude::*;

use super::{basin_depth, d, parts, spec};
use crate::DbEnum;
use crate::quality::{Spec, Tolerance, ToleranceKind, Unit};

fn refused_at(
    nominal: Option<&str>,
    kind: &str,
    plus: Option<&str>,
    minus: Option<&str>,
    unit: &str,
) -> String {
    Spec::from_parts(&parts(nominal, kind, plus, minus, unit))
        .unwrap_err()
        .field
}

#[test]
fn each_kind_of_tolerance_gives_its_inclusive_limits() {
    assert_eq!(basin_depth().limits(), (Some(d("23.5")), Some(d("26.5"))));
    let drain = spec(Some("10"), "ASYMMETRIC", Some("0.5"), Some("0.2"), "mm");
    assert_eq!(drain.limits(), (Some(d("9.8")), Some(d("10.5"))));
    let soak = spec(None, "MINIMUM", None, Some("5"), "min");
    assert_eq!(soak.limits(), (Some(d("5")), None));
    let pressure = spec(None, "MAXIMUM", Some("30"), None, "psi");
    assert_eq!(pressure.limits(), (None, Some(d("30"))));
    let width = spec(Some("605"), "RANGE", Some("610"), Some("600"), "mm");
    assert_eq!(width.limits(), (Some(d("600")), Some(d("610"))));
}

#[test]
fn a_spec_is_described_as_an_inspector_reads_it() {
    assert_eq!(basin_depth().describe(), "25 mm ± 1.5");
    let drain = spec(Some("10"), "ASYMMETRIC", Some("0.5"), Some("0.2"), "mm");
    assert_eq!(drain.describe(), "10 mm +0.5 / −0.2");
    assert_eq!(
        spec(None, "MINIMUM", None, Some("5"), "min").describe(),
        "≥ 5 min"
    );
    assert_eq!(
        spec(None, "MAXIMUM", Some("30.000000"), None, "psi").describe(),
        "≤ 30 psi"
    );
    assert_eq!(
        spec(None, "RANGE", Some("610"), Some("600"), "mm").describe(),
        "600–610 mm"
    );
    assert_eq!(
        spec(Some("90"), "SYMMETRIC", Some("0.5"), None, "deg").describe(),
        "90° ± 0.5"
    );
}

#[test]
fn a_tolerance_around_a_value_needs_the_value() {
    assert_eq!(
        refused_at(None, "SYMMETRIC", Some("1"), None, "mm"),
        "nominal"
    );
    assert_eq!(
        refused_at(None, "ASYMMETRIC", Some("1"), Some("1"), "mm"),
        "nominal"
    );
}

#[test]
fn each_wrong_column_is_named() {
    assert_eq!(
        refused_at(Some("1"), "SYMMETRIC", Some("1"), None, "furlong"),
        "unit"
    );
    assert_eq!(
        refused_at(Some("1"), "symmetric", Some("1"), None, "mm"),
        "tolerance_kind"
    );
    assert_eq!(
        refused_at(Some("1"), "SYMMETRIC", Some("0"), None, "mm"),
        "tolerance_plus"
    );
    assert_eq!(
        refused_at(Some("1"), "SYMMETRIC", Some("1"), Some("1"), "mm"),
        "tolerance_minus"
    );
    assert_eq!(
        refused_at(Some("1"), "ASYMMETRIC", Some("1"), Some("-0.1"), "mm"),
        "tolerance_minus"
    );
    assert_eq!(
        refused_at(Some("1"), "ASYMMETRIC", Some("0"), Some("0"), "mm"),
        "tolerance_plus"
    );
    assert_eq!(
        refused_at(None, "MINIMUM", Some("5"), Some("5"), "s"),
        "tolerance_plus"
    );
    assert_eq!(
        refused_at(None, "MAXIMUM", None, None, "s"),
        "tolerance_plus"
    );
    assert_eq!(
        refused_at(None, "RANGE", Some("600"), Some("610"), "mm"),
        "tolerance_plus"
    );
    assert_eq!(
        refused_at(Some("599"), "RANGE", Some("610"), Some("600"), "mm"),
        "nominal"
    );
    assert_eq!(
        refused_at(Some("1.0000001"), "SYMMETRIC", Some("1"), None, "mm"),
        "nominal"
    );
    assert_eq!(
        refused_at(None, "MAXIMUM", Some("100000000"), None, "mm"),
        "tolerance_plus"
    );
}

#[test]
fn a_bare_limit_may_still_name_the_value_aimed_at() {
    let soak = spec(Some("8"), "MINIMUM", None, Some("5"), "min");
    assert_eq!(soak.nominal(), Some(d("8")));
    assert_eq!(soak.tolerance(), Tolerance::Minimum { low: d("5") });
    assert_eq!(soak.unit(), Unit::Minute);
}

fn value() -> impl Strategy<Value = rust_decimal::Decimal> {
    (-99_999_999_999_999i64..99_999_999_999_999, 0..=6u32).prop_map(|(mantissa, scale)| {
        rust_decimal::Decimal::new(mantissa, 6)
            .round_dp_with_strategy(scale, rust_decimal::RoundingStrategy::ToZero)
    })
}

proptest! {
    /// Whatever the columns hold, a spec read from them gives the same
    /// columns back, and columns it refuses are refused at a named field.
    #[test]
    fn a_spec_read_from_its_columns_gives_them_back(
        nominal in proptest::option::of(value()),
        kind in proptest::sample::select(ToleranceKind::ALL),
        plus in proptest::option::of(value()),
        minus in proptest::option::of(value()),
        unit in proptest::sample::select(Unit::ALL),
    ) {
        let columns = crate::quality::SpecParts {
            nominal,
            tolerance_kind: kind.as_db_str().to_owned(),
            tolerance_plus: plus,
            tolerance_minus: minus,
            unit: unit.as_db_str().to_owned(),
        };
        match Spec::from_parts(&columns) {
            Ok(spec) => {
                prop_assert_eq!(spec.parts(), columns);
                let (low, high) = spec.limits();
                prop_assert!(low.is_some() || high.is_some());
                if let (Some(low), Some(high)) = (low, high) {
                    prop_assert!(low < high);
                }
            }
            Err(error) => prop_assert!(
                ["nominal", "tolerance_plus", "tolerance_minus"].contains(&error.field.as_str()),
                "{error:?}"
            ),
        }
    }
}

#[test]
fn every_unit_reads_back_from_its_symbol_and_shows_a_distinct_one() {
    for &unit in Unit::ALL {
        assert_eq!(Unit::parse(unit.as_db_str()), Ok(unit));
        assert_eq!(
            Unit::ALL
                .iter()
                .filter(|other| other.label() == unit.label())
                .count(),
            1
        );
    }
    assert!(Unit::parse("MM").is_err());
    assert!(Unit::parse("inch").is_err());
}
