use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

use super::*;
use crate::FieldError;
use crate::stock::Quantity;

const LOT: Tracking = Tracking {
    lot: true,
    serial: false,
};
const SERIAL: Tracking = Tracking {
    lot: false,
    serial: true,
};
const UNTRACKED: Tracking = Tracking {
    lot: false,
    serial: false,
};

fn units(count: i32) -> Quantity {
    Quantity::new(count).unwrap()
}

fn day(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 3, day).unwrap()
}

fn received(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, 8, 0, 0).unwrap()
}

/// A lot keyed by its name, received on `on` (November), holding `available`.
fn lot(key: &'static str, on: u32, available: i32) -> LotStock<&'static str> {
    LotStock {
        key,
        received_at: received(on),
        expires_on: None,
        available,
    }
}

fn expiring(lot: LotStock<&'static str>, on: u32) -> LotStock<&'static str> {
    LotStock {
        expires_on: Some(day(on)),
        ..lot
    }
}

fn field(result: Result<TrackedReceipt, FieldError>) -> String {
    result.unwrap_err().field
}

#[test]
fn a_lot_controlled_receipt_names_its_lot_and_may_give_its_expiry() {
    let receipt = TrackedReceipt::parse(LOT, units(4), " L-4471 ", "2027-03-01", "").unwrap();
    assert_eq!(receipt.lot.as_ref().map(LotNumber::as_str), Some("L-4471"));
    assert_eq!(receipt.expires_on, Some(day(1)));
    let missing = TrackedReceipt::parse(LOT, units(4), "  ", "", "");
    assert_eq!(
        missing,
        Err(FieldError::new(
            "lot",
            "This part is lot-controlled: enter the supplier's lot number."
        ))
    );
}

#[test]
fn an_untracked_receipt_may_name_a_lot_but_an_expiry_needs_one() {
    assert_eq!(
        TrackedReceipt::parse(UNTRACKED, units(2), "", "", "")
            .unwrap()
            .lot,
        None
    );
    assert!(TrackedReceipt::parse(UNTRACKED, units(2), "H-77", "", "").is_ok());
    assert_eq!(
        field(TrackedReceipt::parse(
            UNTRACKED,
            units(2),
            "",
            "2027-03-01",
            ""
        )),
        "expires_on"
    );
    assert_eq!(
        field(TrackedReceipt::parse(LOT, units(2), "L-1", "1 March", "")),
        "expires_on"
    );
}

#[test]
fn a_serial_controlled_receipt_names_one_serial_per_unit() {
    let receipt = TrackedReceipt::parse(SERIAL, units(3), "", "", "SN-1\nSN-2, SN-3\n\n").unwrap();
    let serials: Vec<&str> = receipt.serials.iter().map(SerialNumber::as_str).collect();
    assert_eq!(serials, ["SN-1", "SN-2", "SN-3"]);
    assert_eq!(
        TrackedReceipt::parse(SERIAL, units(5), "", "", "SN-1\nSN-2\nSN-3"),
        Err(FieldError::new(
            "serials",
            "You are receiving 5: enter 5 serial numbers, one per line (3 entered)."
        ))
    );
}

#[test]
fn serials_entered_twice_or_for_an_untracked_part_are_refused() {
    assert_eq!(
        TrackedReceipt::parse(SERIAL, units(2), "", "", "SN-1\nSN-1"),
        Err(FieldError::new(
            "serials",
            "Serial number SN-1 is entered twice."
        ))
    );
    assert_eq!(
        field(TrackedReceipt::parse(UNTRACKED, units(1), "", "", "SN-1")),
        "serials"
    );
}

#[test]
fn a_number_with_spaces_or_signs_or_too_long_is_refused_with_the_reason() {
    assert_eq!(
        LotNumber::parse("L 4471"),
        Err("A lot number has letters, digits and - _ . / only, not “ ”.".to_owned())
    );
    assert!(LotNumber::parse(&"L".repeat(51)).is_err());
    assert!(LotNumber::parse(&"L".repeat(50)).is_ok());
    assert_eq!(
        parse_serials("SN-1\nSN#2"),
        Err(
            "Serial number 2: A serial number has letters, digits and - _ . / only, not “#”."
                .to_owned()
        )
    );
}

#[test]
fn an_issue_takes_the_first_expiring_lot_then_the_first_received() {
    let lots = [
        lot("undated", 1, 10),
        expiring(lot("later", 2, 10), 20),
        expiring(lot("sooner", 5, 4), 10),
        lot("newer undated", 9, 10),
    ];
    assert_eq!(
        pick_lots(&lots, 20),
        Picking {
            takes: vec![("sooner", 4), ("later", 10), ("undated", 6)],
            short: 0
        }
    );
}

#[test]
fn an_issue_larger_than_the_lots_says_what_is_short() {
    let lots = [lot("a", 1, 3), lot("empty", 2, 0), lot("b", 3, 2)];
    assert_eq!(
        pick_lots(&lots, 9),
        Picking {
            takes: vec![("a", 3), ("b", 2)],
            short: 4
        }
    );
}

#[test]
fn stock_outside_the_lots_goes_after_the_dated_lots_and_before_the_undated() {
    let lots = [lot("undated", 1, 5), expiring(lot("dated", 9, 2), 3)];
    assert_eq!(
        pick_tracked(&lots, 4, 8),
        Picking {
            takes: vec![(Some("dated"), 2), (None, 4), (Some("undated"), 2)],
            short: 0
        }
    );
    assert_eq!(pick_tracked::<&str>(&[], 0, 3).short, 3);
}

#[test]
fn an_issue_may_name_its_lot_and_for_a_serial_part_one_serial_per_unit() {
    let chosen = IssueChoice::parse(SERIAL, units(2), " L-9 ", "SN-4\nSN-5").unwrap();
    assert_eq!(chosen.lot.as_ref().map(LotNumber::as_str), Some("L-9"));
    assert_eq!(chosen.serials.len(), 2);
    assert_eq!(
        IssueChoice::parse(LOT, units(2), "", ""),
        Ok(IssueChoice::default())
    );
    let short = IssueChoice::parse(SERIAL, units(3), "", "SN-4").unwrap_err();
    assert_eq!(
        (short.field.as_str(), short.message.as_str()),
        (
            "serials",
            "You are issuing 3: enter 3 serial numbers, or none to take the first received (1 entered)."
        )
    );
    assert_eq!(
        IssueChoice::parse(LOT, units(1), "", "SN-4")
            .unwrap_err()
            .field,
        "serials"
    );
    assert_eq!(
        IssueChoice::parse(LOT, units(1), "L 9", "")
            .unwrap_err()
            .field,
        "lot"
    );
}

#[test]
fn each_lot_problem_is_said_at_the_field_it_is_about() {
    let lot = || "L-1".to_owned();
    assert_eq!(LotProblem::OutsideLots { outside: 2 }.field(), "lot");
    assert_eq!(
        LotProblem::NotEnoughInLot {
            lot: lot(),
            available: 1,
            requested: 2
        }
        .to_string(),
        "Lot L-1 holds 1; 2 requested."
    );
    assert_eq!(
        LotProblem::ExpiryDiffers {
            lot: lot(),
            recorded: "2027-03-01".into()
        }
        .field(),
        "expires_on"
    );
    assert_eq!(
        LotProblem::SerialRecorded {
            serial: "SN-1".into()
        }
        .field(),
        "serials"
    );
}

fn any_lots() -> impl Strategy<Value = Vec<LotStock<usize>>> {
    prop::collection::vec((1..28_u32, prop::option::of(1..28_u32), 0..50_i32), 0..8).prop_map(
        |lots| {
            lots.into_iter()
                .enumerate()
                .map(|(key, (on, expires, available))| LotStock {
                    key,
                    received_at: received(on),
                    expires_on: expires.map(day),
                    available,
                })
                .collect()
        },
    )
}

proptest! {
    #[test]
    fn a_picking_takes_what_is_needed_or_all_there_is_and_no_lot_beyond_its_stock(
        lots in any_lots(),
        need in 0..300_i32,
    ) {
        let picking = pick_lots(&lots, need);
        let taken: i32 = picking.takes.iter().map(|(_, take)| take).sum();
        let there: i32 = lots.iter().map(|lot| lot.available).sum();
        prop_assert_eq!(taken, need.min(there));
        prop_assert_eq!(picking.short, need - taken);
        for (key, take) in &picking.takes {
            prop_assert!(*take > 0 && *take <= lots[*key].available);
        }
    }

    #[test]
    fn no_lot_is_taken_while_one_expiring_sooner_still_holds_stock(
        lots in any_lots(),
        need in 0..300_i32,
    ) {
        let picking = pick_lots(&lots, need);
        let taken = |key: usize| picking.takes.iter().find(|(k, _)| *k == key).map_or(0, |(_, t)| *t);
        let first = |lot: &LotStock<usize>| (lot.expires_on.is_none(), lot.expires_on, lot.received_at);
        for used in picking.takes.iter().map(|(key, _)| &lots[*key]) {
            for sooner in lots.iter().filter(|lot| first(lot) < first(used)) {
                prop_assert_eq!(taken(sooner.key), sooner.available);
            }
        }
    }
}
