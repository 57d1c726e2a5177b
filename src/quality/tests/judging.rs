//! Judging readings against specs, at the limits and across units.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::{basin_depth, d, reading, spec};
use crate::DbEnum;
use crate::quality::{JudgeError, Judgement, Reading, Spec, Unit, judge, parse_reading};

fn fails_by(spec: &Spec, reading: &Reading) -> Option<Decimal> {
    match judge(spec, reading).unwrap() {
        Judgement::Pass => None,
        Judgement::Fail { off_by } => Some(off_by),
    }
}

#[test]
fn a_reading_on_either_limit_passes_and_beyond_it_fails_by_the_excess() {
    let depth = basin_depth();
    assert_eq!(fails_by(&depth, &reading("23.5", Unit::Millimetre)), None);
    assert_eq!(fails_by(&depth, &reading("26.5", Unit::Millimetre)), None);
    assert_eq!(
        fails_by(&depth, &reading("26.51", Unit::Millimetre)),
        Some(d("0.01"))
    );
    assert_eq!(
        fails_by(&depth, &reading("21", Unit::Millimetre)),
        Some(d("2.5"))
    );
}

#[test]
fn a_reading_in_inches_is_judged_as_its_exact_millimetres() {
    let depth = basin_depth();
    // 1.043307 in = 26.4999978 mm, just inside; 1.043308 in = 26.5000232 mm.
    assert_eq!(fails_by(&depth, &reading("1.043307", Unit::Inch)), None);
    assert_eq!(
        fails_by(&depth, &reading("1.043308", Unit::Inch)),
        Some(d("0.0000232"))
    );
}

#[test]
fn a_spec_in_inches_reports_how_far_off_in_inches() {
    let thickness = spec(None, "MAXIMUM", Some("1"), None, "in");
    assert_eq!(
        fails_by(&thickness, &reading("25.4", Unit::Millimetre)),
        None
    );
    // 0.1 mm over is 0.003937007874… in, rounded up in the ninth decimal.
    assert_eq!(
        fails_by(&thickness, &reading("25.5", Unit::Millimetre)),
        Some(d("0.003937008"))
    );
}

#[test]
fn minutes_and_seconds_compare_and_other_units_do_not() {
    let soak = spec(None, "MINIMUM", None, Some("5"), "min");
    assert_eq!(fails_by(&soak, &reading("300", Unit::Second)), None);
    assert_eq!(
        fails_by(&soak, &reading("270", Unit::Second)),
        Some(d("0.5"))
    );
    assert_eq!(
        judge(&soak, &reading("5", Unit::Millimetre)),
        Err(JudgeError::IncompatibleUnit {
            spec: Unit::Minute,
            reading: Unit::Millimetre
        })
    );
    assert_eq!(
        JudgeError::IncompatibleUnit {
            spec: Unit::Minute,
            reading: Unit::Millimetre
        }
        .to_string(),
        "A value in mm cannot be compared with a spec in min."
    );
}

#[test]
fn an_asymmetric_tolerance_allows_more_one_way_than_the_other() {
    let drain = spec(Some("10"), "ASYMMETRIC", Some("0.5"), Some("0.2"), "mm");
    assert_eq!(fails_by(&drain, &reading("10.5", Unit::Millimetre)), None);
    assert_eq!(
        fails_by(&drain, &reading("9.7", Unit::Millimetre)),
        Some(d("0.1"))
    );
}

#[test]
fn a_typed_reading_is_trimmed_and_read_with_a_point() {
    let mm = Unit::Millimetre;
    assert_eq!(parse_reading(" 12.5 ", mm), Ok(reading("12.5", mm)));
    assert_eq!(parse_reading("-0.25", mm), Ok(reading("-0.25", mm)));
    assert_eq!(parse_reading("+3", mm), Ok(reading("3", mm)));
    assert_eq!(parse_reading(".5", mm), Ok(reading("0.5", mm)));
    assert_eq!(parse_reading("1.123456", mm), Ok(reading("1.123456", mm)));
}

#[test]
fn a_typed_reading_that_is_not_a_plain_number_is_refused_in_words() {
    let mm = Unit::Millimetre;
    assert_eq!(
        parse_reading("  ", mm),
        Err("Enter the value you measured.".to_owned())
    );
    assert_eq!(
        parse_reading("12,5", mm),
        Err("Use a point for decimals, e.g. 12.5.".to_owned())
    );
    for garbage in [
        "abc", "NaN", "inf", "1e5", "1.2.3", "-", ".", "1_000", "--1", "0x10",
    ] {
        assert_eq!(
            parse_reading(garbage, mm),
            Err("Enter a number, e.g. 12.5.".to_owned()),
            "{garbage}"
        );
    }
    assert_eq!(
        parse_reading("1.1234567", mm),
        Err("Enter at most 6 decimals.".to_owned())
    );
    assert_eq!(
        parse_reading("1000000000", mm),
        Err("Enter a value below 1,000,000,000.".to_owned())
    );
    assert!(parse_reading("999999999.999999", mm).is_ok());
}

/// A value with at most six decimals, as readings and specs have.
fn value(limit: i64) -> impl Strategy<Value = Decimal> {
    (-limit * 1_000_000..limit * 1_000_000).prop_map(|micros| Decimal::new(micros, 6))
}

/// A sound spec of any kind around values below 10⁴, in one of `units`.
fn spec_in(units: &'static [Unit]) -> impl Strategy<Value = Spec> {
    let positive = || (1..10_000_000_000i64).prop_map(|micros| Decimal::new(micros, 6));
    let unit = proptest::sample::select(units);
    (value(10_000), positive(), positive(), 0..5usize, unit).prop_map(
        |(at, wide, wider, kind, unit)| {
            let text = |value: Decimal| Some(value.to_string());
            let (kind, plus, minus) = match kind {
                0 => ("SYMMETRIC", text(wide), None),
                1 => ("ASYMMETRIC", text(wide), text(wider)),
                2 => ("MINIMUM", None, text(at)),
                3 => ("MAXIMUM", text(at), None),
                _ => ("RANGE", text(at + wide), text(at)),
            };
            let nominal = at.to_string();
            spec(
                Some(nominal.as_str()).filter(|_| kind != "MINIMUM" && kind != "MAXIMUM"),
                kind,
                plus.as_deref(),
                minus.as_deref(),
                unit.as_db_str(),
            )
        },
    )
}

fn any_spec() -> impl Strategy<Value = Spec> {
    spec_in(Unit::ALL)
}

const ULP: Decimal = Decimal::from_parts(1, 0, 0, false, 6);

proptest! {
    /// Both limits pass, and one millionth beyond either fails by exactly
    /// that millionth.
    #[test]
    fn every_limit_passes_and_one_step_beyond_fails(spec in any_spec()) {
        let unit = spec.unit();
        let (low, high) = spec.limits();
        for limit in [low, high].into_iter().flatten() {
            prop_assert_eq!(judge(&spec, &Reading { value: limit, unit }), Ok(Judgement::Pass));
        }
        if let Some(low) = low {
            let under = Reading { value: low - ULP, unit };
            prop_assert_eq!(judge(&spec, &under), Ok(Judgement::Fail { off_by: ULP }));
        }
        if let Some(high) = high {
            let over = Reading { value: high + ULP, unit };
            prop_assert_eq!(judge(&spec, &over), Ok(Judgement::Fail { off_by: ULP }));
        }
    }

    /// A reading fails exactly when it lies outside the limits, and then by
    /// its distance to the nearer one.
    #[test]
    fn off_by_is_the_distance_to_the_limit_passed(spec in any_spec(), value in value(20_000)) {
        let (low, high) = spec.limits();
        let expected = match (low, high) {
            (Some(low), _) if value < low => Some(low - value),
            (_, Some(high)) if value > high => Some(value - high),
            _ => None,
        };
        let judged = judge(&spec, &Reading { value, unit: spec.unit() }).unwrap();
        match (judged, expected) {
            (Judgement::Pass, None) => {}
            (Judgement::Fail { off_by }, Some(expected)) => {
                prop_assert!(off_by > Decimal::ZERO);
                prop_assert_eq!(off_by, expected);
            }
            (judged, expected) => prop_assert!(false, "{judged:?} for {expected:?}"),
        }
    }

    /// A length in inches is judged as the millimetres it exactly is, and
    /// the other way round.
    #[test]
    fn a_length_is_judged_the_same_in_inches_and_millimetres(
        spec in spec_in(&[Unit::Millimetre, Unit::Inch]),
        inches in value(400),
    ) {
        let as_inches = Reading { value: inches, unit: Unit::Inch };
        let as_mm = Reading { value: Unit::Inch.to_base(inches), unit: Unit::Millimetre };
        prop_assert_eq!(judge(&spec, &as_inches), judge(&spec, &as_mm));
    }

    /// Only units of one quantity are compared; the rest are refused.
    #[test]
    fn units_of_different_quantities_are_never_compared(
        spec in any_spec(),
        unit in proptest::sample::select(Unit::ALL),
    ) {
        let judged = judge(&spec, &Reading { value: Decimal::ONE, unit });
        prop_assert_eq!(judged.is_ok(), unit.base() == spec.unit().base());
    }

    /// Any number typed with a point reads back as itself.
    #[test]
    fn a_typed_number_reads_as_itself(value in value(999_999)) {
        let typed = format!("  {value} ");
        prop_assert_eq!(parse_reading(&typed, Unit::Volt), Ok(Reading { value, unit: Unit::Volt }));
    }
}
