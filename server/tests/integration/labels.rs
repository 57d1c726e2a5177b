//! The labels of parts, lots and units (issue #18): each names its record
//! and carries, as a QR code drawn on the server, the code `/scan` reads
//! back to that record.

use sqlx::PgPool;
use torvan::label_code::LabelCode;
use torvan_app::builds::GetUnitLabel;
use torvan_app::error::AppError;
use torvan_app::scan::{GetLotLabel, GetPartLabel, StockLabel};

use crate::support::TestApp;
use crate::support::demo::{parts, users};

/// The QR code is an inline SVG drawing (no XML prolog inside the page).
fn assert_drawn(qr_svg: &str) {
    assert!(
        qr_svg.starts_with("<svg"),
        "{}",
        &qr_svg[..qr_svg.len().min(80)]
    );
    assert!(qr_svg.contains("viewBox") && qr_svg.len() > 500);
}

fn fact<'a>(label: &'a StockLabel, name: &str) -> Option<&'a str> {
    label
        .facts
        .iter()
        .find(|fact| fact.name == name)
        .map(|fact| fact.value.as_str())
}

#[sqlx::test(migrations = "../migrations")]
async fn a_part_s_bin_label_names_the_part_and_its_code_reads_back_to_it(pool: PgPool) {
    let (app, assembler) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;
    let call = GetPartLabel {
        part_number: parts::LEG_TUBE.to_lowercase(),
    };

    let label = app.run(&assembler, call).await.unwrap();

    assert_eq!(label.number, parts::LEG_TUBE);
    assert!(!label.title.is_empty());
    assert!(fact(&label, "Unit").is_some());
    let code = LabelCode::read(&label.code).unwrap();
    assert_eq!(code.to_string(), format!("TORVAN:PART:{}", parts::LEG_TUBE));
    assert_drawn(&label.qr_svg);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_lot_s_label_names_its_part_and_opens_the_lot_and_an_unknown_lot_has_none(pool: PgPool) {
    let (app, assembler) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;
    let (lot, lot_number, part_number): (uuid::Uuid, String, String) = sqlx::query_as(
        "SELECT l.id, l.lot_number, p.part_number
         FROM inventory.stock_lots l JOIN inventory.parts p ON p.id = l.part_id
         ORDER BY l.lot_number LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .expect("a demo lot");

    let label = app.run(&assembler, GetLotLabel { id: lot }).await.unwrap();

    assert_eq!(label.number, format!("Lot {lot_number}"));
    assert_eq!(fact(&label, "Part"), Some(part_number.as_str()));
    assert_eq!(LabelCode::read(&label.code), Ok(LabelCode::Lot(lot)));
    assert_drawn(&label.qr_svg);
    let unknown = app
        .run(
            &assembler,
            GetLotLabel {
                id: uuid::Uuid::nil(),
            },
        )
        .await;
    assert!(matches!(unknown, Err(AppError::NotFound)), "{unknown:?}");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_unit_s_label_carries_the_code_of_its_build(pool: PgPool) {
    let (app, qc) = TestApp::demo_signed_in(&pool, users::QC).await;
    let call = GetUnitLabel {
        build_number: "TB-2026-0101-01-1".to_owned(),
    };

    let label = app.run(&qc, call).await.unwrap();

    assert_eq!(label.serial_number.as_deref(), Some("TB-2026-0101-01-1"));
    assert_drawn(&label.qr_svg);
}
