//! Stock through HTTP as procurement moves it: receipts and counts in the
//! ledger, and substitutes shown on the part page.

use sqlx::PgPool;
use torvan::SubstituteType;
use torvan_app::error::AppError;
use torvan_app::inventory::part::{
    AddSubstitute, AdjustStock, AdjustmentEntry, GetPart, PartDetail, ReceiptEntry, ReceiveStock,
    RemoveSubstitute, SubstitutionEntry,
};

use crate::support::TestApp;
use crate::support::demo::{parts, users};

fn adjust(change: &str, reason: &str) -> AdjustStock {
    AdjustStock {
        part_number: parts::DECK_PANEL.into(),
        adjustment: AdjustmentEntry {
            change: change.to_owned(),
            reason: reason.to_owned(),
            ..Default::default()
        },
    }
}

fn add_substitute(substitute: &str, kind: &str, factor: &str, notes: &str) -> AddSubstitute {
    AddSubstitute {
        part_number: parts::DECK_PANEL.into(),
        substitution: SubstitutionEntry {
            substitute: substitute.to_owned(),
            kind: kind.to_owned(),
            conversion_factor: factor.to_owned(),
            notes: notes.to_owned(),
        },
    }
}

async fn part_page(app: &TestApp, cookie: &str) -> PartDetail {
    let part = GetPart {
        part_number: parts::DECK_PANEL.into(),
    };
    app.run(cookie, part).await.unwrap()
}

async fn procurement(pool: &PgPool) -> (TestApp, String) {
    TestApp::demo_signed_in(pool, users::PROCUREMENT).await
}

async fn stock_status(pool: &PgPool, part_number: &str) -> String {
    sqlx::query_scalar(
        "SELECT stock_status FROM inventory.parts_availability WHERE part_number = $1",
    )
    .bind(part_number)
    .fetch_one(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn receiving_stock_lifts_a_low_part_and_is_in_the_ledger(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let (number, reorder_point): (String, i32) = sqlx::query_as(
        "SELECT part_number, reorder_point FROM inventory.parts_availability
         WHERE stock_status = 'LOW_STOCK'
           AND part_number IN (SELECT part_number FROM inventory.parts
                               WHERE NOT lot_control AND NOT serial_control)
         ORDER BY part_number LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let quantity = reorder_point * 3 + 1;
    let receipt = ReceiveStock {
        part_number: number.clone(),
        receipt: ReceiptEntry {
            quantity: quantity.to_string(),
            note: "PO-4711".into(),
            ..Default::default()
        },
    };
    app.run(&cookie, receipt).await.unwrap();
    assert_eq!(stock_status(&pool, &number).await, "IN_STOCK");
    let ledger: (String, i32, Option<String>) = sqlx::query_as(
        "SELECT m.movement_type::text, m.on_hand_change, m.reference_id
         FROM inventory.stock_movements m JOIN inventory.parts p ON p.id = m.part_id
         WHERE p.part_number = $1 ORDER BY m.created_at DESC LIMIT 1",
    )
    .bind(&number)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        ledger,
        ("RECEIVE".to_owned(), quantity, Some("PO-4711".to_owned()))
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn an_adjustment_needs_a_reason_and_cannot_go_below_what_is_allocated(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let no_reason = app.run(&cookie, adjust("-1", " ")).await.unwrap_err();
    assert!(no_reason.for_field("reason").is_some(), "{no_reason:?}");
    // 111-0001 has 31 on hand, 3 allocated.
    let too_far = app.run(&cookie, adjust("-30", "count")).await.unwrap_err();
    assert!(too_far.for_field("change").is_some(), "{too_far:?}");
    let counted = app.run(&cookie, adjust("-2", "cycle count")).await;
    assert_eq!(counted, Ok(29));
}

#[sqlx::test(migrations = "../migrations")]
async fn substitutes_refuse_the_part_itself_and_show_on_the_part_page(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let add = |substitute: &str| add_substitute(substitute, "EMERGENCY", "1.5", "");
    let itself = app.run(&cookie, add(parts::DECK_PANEL)).await.unwrap_err();
    assert!(
        itself.to_string().contains("cannot substitute for itself"),
        "{itself:?}"
    );

    app.run(&cookie, add(parts::WIDE_DECK_PANEL)).await.unwrap();
    let page = part_page(&app, &cookie).await;
    let shown: Vec<_> = page
        .substitutes
        .iter()
        .map(|line| {
            (
                line.part_number.as_str(),
                line.kind,
                line.conversion_factor.as_str(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [(parts::WIDE_DECK_PANEL, SubstituteType::Emergency, "1.5")]
    );

    let remove = RemoveSubstitute {
        part_number: parts::DECK_PANEL.into(),
        substitute: parts::WIDE_DECK_PANEL.into(),
    };
    app.run(&cookie, remove).await.unwrap();
    let page = part_page(&app, &cookie).await;
    assert!(
        page.substitutes
            .iter()
            .all(|line| line.part_number != parts::WIDE_DECK_PANEL),
        "{page:?}"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn notes_and_reasons_longer_than_their_fields_are_refused_at_the_field(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let long = "x".repeat(2_001);
    let receipt = ReceiveStock {
        part_number: parts::DECK_PANEL.into(),
        receipt: ReceiptEntry {
            quantity: "1".into(),
            note: "P".repeat(101),
            ..Default::default()
        },
    };
    let refusals: [(Result<i32, AppError>, &str, &str); 3] = [
        (
            app.run(&cookie, receipt).await,
            "note",
            "At most 100 characters; this has 101.",
        ),
        (
            app.run(&cookie, adjust("1", &long)).await,
            "reason",
            "At most 2,000 characters; this has 2,001.",
        ),
        (
            app.run(
                &cookie,
                add_substitute(parts::WIDE_DECK_PANEL, "PREFERRED", "1", &long),
            )
            .await
            .map(|()| 0),
            "notes",
            "At most 2,000 characters; this has 2,001.",
        ),
    ];
    for (refused, field, message) in refusals {
        let refused = refused.unwrap_err();
        assert!(
            refused
                .for_field(field)
                .is_some_and(|said| said.contains(message)),
            "{field}: {refused:?}"
        );
    }
}
