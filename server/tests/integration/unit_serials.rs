//! Each finished sink's serial number, as its order says: by default the
//! unit's build number, on its record, its PDF and its label; on an order
//! numbered by serial plates, the order ships only once every unit's plate
//! is recorded, a plate is recorded once (one plate, one unit), badly typed
//! plates are refused at the field, and after shipping the number no
//! longer changes.

use sqlx::PgPool;
use torvan::OrderStatus;
use torvan::unit_serial::SerialScheme;
use torvan_app::builds::{GetBuildRecord, GetUnitLabel, RecordSerialPlate};
use torvan_app::error::AppError;

use crate::orders_lifecycle::request_move;
use crate::support::demo::{PASSWORD, orders, users};
use crate::support::{TestApp, arranging, rule_broken};

/// A unit of the first delivered order, numbered by its build number.
const DELIVERED_UNIT: &str = "TB-2026-0101-01-1";

fn plate(build_number: &str, plate: &str) -> RecordSerialPlate {
    RecordSerialPlate {
        build_number: build_number.to_owned(),
        serial_plate: plate.to_owned(),
    }
}

fn refused_at(error: AppError) -> (String, String) {
    match error {
        AppError::Invalid { field, message } => (field, message),
        other => panic!("not refused at a field: {other:?}"),
    }
}

/// The units of `order`, in build-number order.
async fn units_of(pool: &PgPool, order: &str) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT b.build_number FROM orders.sink_builds b
         JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
         JOIN orders.orders o ON o.id = c.order_id
         WHERE o.order_number = $1 ORDER BY b.build_number",
    )
    .bind(order)
    .fetch_all(pool)
    .await
    .unwrap()
}

/// The order's units are to carry serial plates from now on.
async fn numbered_by_plates(pool: &PgPool, order: &str) {
    sqlx::query("UPDATE orders.orders SET unit_serials = $2 WHERE order_number = $1")
        .bind(order)
        .bind(torvan::DbEnum::as_db_str(SerialScheme::SerialPlate))
        .execute(&mut arranging(pool).await)
        .await
        .unwrap();
}

#[sqlx::test(migrations = "../migrations")]
async fn a_unit_numbered_by_its_build_carries_that_number_on_its_record_pdf_and_label(
    pool: PgPool,
) {
    let (app, assembler) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;

    let label = app
        .run(
            &assembler,
            GetUnitLabel {
                build_number: DELIVERED_UNIT.to_owned(),
            },
        )
        .await
        .unwrap();
    let page = app
        .run(
            &assembler,
            GetBuildRecord {
                build_number: DELIVERED_UNIT.to_owned(),
            },
        )
        .await
        .unwrap();
    let pdf = app
        .get(
            &format!("/builds/{DELIVERED_UNIT}/record.pdf"),
            Some(&assembler),
        )
        .await;

    assert_eq!(label.serial_number.as_deref(), Some(DELIVERED_UNIT));
    assert_eq!(label.order_number, orders::FIRST_DELIVERED);
    assert!(!label.product.is_empty());
    assert!(label.made_on.is_some(), "its tasks were completed");
    assert_eq!(page.record.serial_number.as_deref(), Some(DELIVERED_UNIT));
    assert!(!page.record.may_record_plate);
    assert!(
        pdf.body
            .contains(&format!("(Serial number: {DELIVERED_UNIT} )")),
        "the PDF names the serial number"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn an_order_numbered_by_plates_ships_only_once_each_unit_s_plate_is_recorded(pool: PgPool) {
    let (app, qc) = TestApp::demo_signed_in(&pool, users::QC).await;
    let coordinator = app.sign_in(users::COORDINATOR, PASSWORD).await.unwrap();
    numbered_by_plates(&pool, orders::READY_TO_SHIP).await;
    let units = units_of(&pool, orders::READY_TO_SHIP).await;
    let unit = units[0].clone();

    let record = app
        .run(
            &qc,
            GetBuildRecord {
                build_number: unit.clone(),
            },
        )
        .await
        .unwrap()
        .record;
    assert_eq!(record.serial_number, None);
    assert!(record.may_record_plate, "QC records plates");
    let label = app
        .run(
            &qc,
            GetUnitLabel {
                build_number: unit.clone(),
            },
        )
        .await
        .unwrap();
    assert_eq!(label.serial_number, None, "no label without a plate");
    let ship = request_move(
        &app,
        &coordinator,
        &pool,
        orders::READY_TO_SHIP,
        OrderStatus::Shipped,
    );
    let said = rule_broken(ship.await).to_string();
    assert!(said.contains(&format!("not yet: {unit}")), "{said}");

    let spaced = app.run(&qc, plate(&unit, "SN 2026 0001")).await;
    assert_eq!(refused_at(rule_broken(spaced)).0, "serial_plate");
    let assembler = app.sign_in(users::ASSEMBLER, PASSWORD).await.unwrap();
    let not_theirs = app.run(&assembler, plate(&unit, "SN-2026-0001")).await;
    assert_eq!(not_theirs, Err(AppError::Forbidden));
    app.run(&qc, plate(&unit, " sn-2026-0001 ")).await.unwrap();
    let taken = app.run(&qc, plate(DELIVERED_UNIT, "SN-2026-0001")).await;
    let (field, message) = refused_at(rule_broken(taken));
    assert_eq!(field, "serial_plate");
    assert!(
        message.contains("by their build numbers"),
        "the delivered order has no plates: {message}"
    );
    for (place, other) in units.iter().enumerate().skip(1) {
        let twice = app.run(&qc, plate(other, "SN-2026-0001")).await;
        let (_, message) = refused_at(rule_broken(twice));
        assert!(message.contains(&unit), "{message}");
        app.run(&qc, plate(other, &format!("SN-2026-100{place}")))
            .await
            .unwrap();
    }

    let recorded: (Option<String>, bool) = sqlx::query_as(
        "SELECT serial_plate, serial_plate_recorded_by IS NOT NULL
         FROM orders.sink_builds WHERE build_number = $1",
    )
    .bind(&unit)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(recorded, (Some("SN-2026-0001".to_owned()), true));
    let label = app
        .run(
            &qc,
            GetUnitLabel {
                build_number: unit.clone(),
            },
        )
        .await
        .unwrap();
    assert_eq!(label.serial_number.as_deref(), Some("SN-2026-0001"));
    request_move(
        &app,
        &coordinator,
        &pool,
        orders::READY_TO_SHIP,
        OrderStatus::Shipped,
    )
    .await
    .unwrap();
    let after = app.run(&qc, plate(&unit, "SN-2026-0002")).await;
    assert!(refused_at(rule_broken(after)).1.contains("has shipped"));
}
