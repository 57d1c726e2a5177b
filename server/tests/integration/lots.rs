//! Lots and serial numbers on the demo data, through the server functions a
//! person uses: a lot-controlled part is received only with its lot, an
//! issue takes the first-expiring lot unless the person picks another, a
//! return goes back to the lot it came from, a count of lotted stock names
//! its lot, serial numbers are unique per part and never issued twice, and
//! the lot's page lists the build it went into (the genealogy). Every lot's
//! ledger rows sum to its quantity.

use sqlx::PgPool;
use torvan::SystemActor;
use torvan::lots::{IssueChoice, SerialNumber};
use torvan::stock::{Movement, Quantity};
use torvan_app::db::begin_system;
use torvan_app::error::AppError;
use torvan_app::inventory::lots::GetLot;
use torvan_app::inventory::lots::movements::{self, Destination};
use torvan_app::inventory::part::{
    AdjustStock, AdjustmentEntry, GetPart, ReceiptEntry, ReceiveStock,
};
use torvan_app::inventory::stock::{Reference, Trace, apply};
use torvan_app::tasks::materials::{IssueEntry, IssueMaterial, ReturnMaterial};
use uuid::Uuid;

use crate::support::demo::users;
use crate::support::{TestApp, arranging, rule_broken};
use crate::tasks_materials::{PART, TASK, at_the_bench};

/// The build `TASK` works on, and its order.
const BUILD: &str = "TB-2026-0110-01-1";
const ORDER: &str = "ORD-2026-0110";

async fn track(pool: &PgPool, part: &str, lot: bool, serial: bool) {
    sqlx::query(
        "UPDATE inventory.parts SET lot_control = $2, serial_control = $3 WHERE part_number = $1",
    )
    .bind(part)
    .bind(lot)
    .bind(serial)
    .execute(&mut arranging(pool).await)
    .await
    .unwrap();
}

fn receipt(part: &str, quantity: &str, lot: &str, expires_on: &str, serials: &str) -> ReceiveStock {
    ReceiveStock {
        part_number: part.to_owned(),
        receipt: ReceiptEntry {
            quantity: quantity.to_owned(),
            note: "PO-4471".to_owned(),
            lot: lot.to_owned(),
            expires_on: expires_on.to_owned(),
            serials: serials.to_owned(),
        },
    }
}

fn issue_from(lot: &str, quantity: &str) -> IssueMaterial {
    IssueMaterial {
        task_number: TASK.to_owned(),
        part_number: PART.to_owned(),
        quantity: quantity.to_owned(),
        choice: IssueEntry {
            lot: lot.to_owned(),
            serials: String::new(),
        },
    }
}

fn refused_at(error: AppError, field: &str) -> String {
    error
        .for_field(field)
        .unwrap_or_else(|| panic!("not refused at {field}: {error:?}"))
}

/// The store signed in beside the bench, with `PART` lot-controlled.
async fn store_and_bench(pool: &PgPool) -> (TestApp, String, String) {
    let (app, bench) = at_the_bench(pool).await;
    let store = app
        .sign_in(users::PROCUREMENT, crate::support::demo::PASSWORD)
        .await
        .unwrap();
    track(pool, PART, true, false).await;
    (app, store, bench)
}

async fn lot_id(pool: &PgPool, part: &str, lot: &str) -> Uuid {
    sqlx::query_scalar(
        "SELECT l.id FROM inventory.stock_lots l JOIN inventory.parts p ON p.id = l.part_id
         WHERE p.part_number = $1 AND l.lot_number = $2",
    )
    .bind(part)
    .bind(lot)
    .fetch_one(pool)
    .await
    .unwrap()
}

/// The lots whose quantity is not the sum of their ledger rows: none.
async fn lots_off_the_ledger(pool: &PgPool) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT l.lot_number FROM inventory.stock_lots l
         LEFT JOIN inventory.stock_movements m ON m.lot_id = l.id
         GROUP BY l.id HAVING l.quantity_on_hand <> coalesce(sum(m.on_hand_change), 0)",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_lot_controlled_part_is_received_only_with_its_lot_and_the_lot_holds_it(pool: PgPool) {
    let (app, store, _) = store_and_bench(&pool).await;
    let before = app
        .run(
            &store,
            GetPart {
                part_number: PART.into(),
            },
        )
        .await
        .unwrap();

    let unnamed = app.run(&store, receipt(PART, "5", "", "", "")).await;
    assert_eq!(
        refused_at(rule_broken(unnamed), "lot"),
        "This part is lot-controlled: enter the supplier's lot number."
    );
    app.run(&store, receipt(PART, "5", "L-4471", "2027-01-31", ""))
        .await
        .unwrap();
    let other_expiry = app
        .run(&store, receipt(PART, "1", "L-4471", "2027-02-28", ""))
        .await;
    assert_eq!(
        refused_at(rule_broken(other_expiry), "expires_on"),
        "Lot L-4471 is recorded as expiring on 2027-01-31: enter that date or leave it empty."
    );

    let after = app
        .run(
            &store,
            GetPart {
                part_number: PART.into(),
            },
        )
        .await
        .unwrap();
    assert_eq!(after.on_hand, before.on_hand + 5);
    let lots: Vec<(String, Option<String>, i32)> = after
        .lots
        .lots
        .iter()
        .map(|lot| (lot.lot_number.clone(), lot.expires_on.clone(), lot.on_hand))
        .collect();
    assert_eq!(
        lots,
        [("L-4471".to_owned(), Some("2027-01-31".to_owned()), 5)]
    );
    assert_eq!(after.lots.outside_lots, before.on_hand);
    assert!(lots_off_the_ledger(&pool).await.is_empty());
}

#[sqlx::test(migrations = "../migrations")]
async fn an_issue_takes_the_first_expiring_lot_and_the_lot_lists_the_build(pool: PgPool) {
    let (app, store, bench) = store_and_bench(&pool).await;
    app.run(&store, receipt(PART, "5", "L-LATE", "2027-06-30", ""))
        .await
        .unwrap();
    app.run(&store, receipt(PART, "3", "L-SOON", "2027-02-28", ""))
        .await
        .unwrap();

    app.run(&bench, issue_from("", "2")).await.unwrap();

    let soon = app
        .run(
            &store,
            GetLot {
                id: lot_id(&pool, PART, "L-SOON").await,
            },
        )
        .await
        .unwrap();
    assert_eq!(soon.on_hand, 1);
    let uses: Vec<(&str, &str, i32)> = soon
        .uses
        .iter()
        .map(|used| {
            (
                used.build_number.as_str(),
                used.order_number.as_str(),
                used.quantity,
            )
        })
        .collect();
    assert_eq!(uses, [(BUILD, ORDER, 2)]);
    let late = app
        .run(
            &store,
            GetLot {
                id: lot_id(&pool, PART, "L-LATE").await,
            },
        )
        .await
        .unwrap();
    assert_eq!((late.on_hand, late.uses.len()), (5, 0));
    assert!(lots_off_the_ledger(&pool).await.is_empty());
}

#[sqlx::test(migrations = "../migrations")]
async fn a_person_may_issue_from_another_lot_and_a_return_goes_back_to_it(pool: PgPool) {
    let (app, store, bench) = store_and_bench(&pool).await;
    app.run(&store, receipt(PART, "5", "L-LATE", "2027-06-30", ""))
        .await
        .unwrap();
    app.run(&store, receipt(PART, "3", "L-SOON", "2027-02-28", ""))
        .await
        .unwrap();

    let unknown = app.run(&bench, issue_from("L-NONE", "1")).await;
    assert_eq!(
        refused_at(rule_broken(unknown), "lot"),
        "This part has no lot L-NONE."
    );
    let too_many = app.run(&bench, issue_from("L-SOON", "4")).await;
    assert_eq!(
        refused_at(rule_broken(too_many), "lot"),
        "Lot L-SOON holds 3; 4 requested."
    );
    app.run(&bench, issue_from("L-LATE", "2")).await.unwrap();
    let back = ReturnMaterial {
        task_number: TASK.to_owned(),
        part_number: PART.to_owned(),
        quantity: "1".to_owned(),
    };
    app.run(&bench, back).await.unwrap();

    let late = app
        .run(
            &store,
            GetLot {
                id: lot_id(&pool, PART, "L-LATE").await,
            },
        )
        .await
        .unwrap();
    assert_eq!(late.on_hand, 4);
    assert_eq!(
        late.uses
            .iter()
            .map(|used| used.quantity)
            .collect::<Vec<_>>(),
        [1]
    );
    let soon = app
        .run(
            &store,
            GetLot {
                id: lot_id(&pool, PART, "L-SOON").await,
            },
        )
        .await
        .unwrap();
    assert_eq!(soon.on_hand, 3);
    assert!(lots_off_the_ledger(&pool).await.is_empty());
}

#[sqlx::test(migrations = "../migrations")]
async fn a_count_that_would_take_stock_held_in_lots_names_the_lot(pool: PgPool) {
    let (app, store) = TestApp::demo_signed_in(&pool, users::PROCUREMENT).await;
    sqlx::query(
        "INSERT INTO inventory.parts (part_number, name, lot_control, quantity_on_hand)
         VALUES ('T-LOT', 'Sealant cartridge', true, 5)",
    )
    .execute(&mut arranging(&pool).await)
    .await
    .unwrap();
    app.run(&store, receipt("T-LOT", "4", "L-1", "", ""))
        .await
        .unwrap();
    let count = |change: i32, lot: &str| AdjustStock {
        part_number: "T-LOT".to_owned(),
        adjustment: AdjustmentEntry {
            change: change.to_string(),
            reason: "cycle count".to_owned(),
            lot: lot.to_owned(),
        },
    };

    let unnamed = app.run(&store, count(-6, "")).await;
    assert_eq!(
        refused_at(rule_broken(unnamed), "lot"),
        "Only 5 of this part's stock is outside its lots: name the lot this takes from."
    );
    app.run(&store, count(-5, "")).await.unwrap();
    app.run(&store, count(-1, "L-1")).await.unwrap();

    let lot = app
        .run(
            &store,
            GetLot {
                id: lot_id(&pool, "T-LOT", "L-1").await,
            },
        )
        .await
        .unwrap();
    let part = app
        .run(
            &store,
            GetPart {
                part_number: "T-LOT".into(),
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (lot.on_hand, part.on_hand, part.lots.outside_lots),
        (3, 3, 0)
    );
    assert!(lots_off_the_ledger(&pool).await.is_empty());
}

/// A serial-controlled part of the demo's store, with nothing on hand.
async fn serial_part(pool: &PgPool) -> Uuid {
    sqlx::query_scalar(
        "INSERT INTO inventory.parts (part_number, name, serial_control)
         VALUES ('T-SERIAL', 'Thermostatic mixing valve', true) RETURNING id",
    )
    .fetch_one(&mut arranging(pool).await)
    .await
    .unwrap()
}

/// Allocates `count` of `part` and issues `serials` of them (none: the
/// first received) to a test reference, committed.
async fn issue_serials(
    pool: &PgPool,
    part: Uuid,
    count: i32,
    serials: &[&str],
) -> Result<(), torvan_app::inventory::stock::StockError> {
    let mut tx = begin_system(pool, SystemActor::SeedDemo).await.unwrap();
    let reference = Reference {
        kind: "TEST",
        id: "serials",
    };
    let quantity = Quantity::new(count).unwrap();
    let hold = Movement::Allocate(quantity);
    apply(
        &mut tx,
        part,
        hold,
        Trace::default(),
        Some(reference),
        None,
        None,
    )
    .await?;
    let choice = IssueChoice {
        lot: None,
        serials: serials
            .iter()
            .map(|s| SerialNumber::parse(s).unwrap())
            .collect(),
    };
    let to = Destination {
        reference,
        build_id: None,
        note: None,
        user_id: users::ADMIN_ID,
    };
    movements::issue(&mut tx, part, quantity, &choice, &to).await?;
    tx.commit().await.unwrap();
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn serial_numbers_are_received_once_per_part_and_issued_once(pool: PgPool) {
    let (app, store) = TestApp::demo_signed_in(&pool, users::PROCUREMENT).await;
    let part = serial_part(&pool).await;

    let short = app
        .run(&store, receipt("T-SERIAL", "3", "", "", "SN-1\nSN-2"))
        .await;
    assert_eq!(
        refused_at(rule_broken(short), "serials"),
        "You are receiving 3: enter 3 serial numbers, one per line (2 entered)."
    );
    app.run(&store, receipt("T-SERIAL", "3", "", "", "SN-1\nSN-2\nSN-3"))
        .await
        .unwrap();
    let again = app
        .run(&store, receipt("T-SERIAL", "1", "", "", "SN-2"))
        .await;
    assert_eq!(
        refused_at(rule_broken(again), "serials"),
        "Serial number SN-2 is already recorded for this part."
    );

    issue_serials(&pool, part, 1, &["SN-2"]).await.unwrap();
    let twice = issue_serials(&pool, part, 1, &["SN-2"]).await.unwrap_err();
    assert_eq!(
        twice.to_string(),
        "Serial number SN-2 is not on the shelf: it was issued, or never received."
    );
    issue_serials(&pool, part, 1, &[]).await.unwrap();

    let shelf = app
        .run(
            &store,
            GetPart {
                part_number: "T-SERIAL".into(),
            },
        )
        .await
        .unwrap();
    let on_shelf: Vec<&str> = shelf
        .lots
        .serials
        .iter()
        .map(|s| s.serial_number.as_str())
        .collect();
    assert_eq!((shelf.on_hand, on_shelf), (1, vec!["SN-3"]));
    let linked: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM inventory.serial_movements sm
         JOIN inventory.part_serials s ON s.id = sm.serial_id WHERE s.part_id = $1",
    )
    .bind(part)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(linked, 5, "three received, two issued");
}
