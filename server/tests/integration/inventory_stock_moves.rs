//! Stock through HTTP as procurement moves it: receipts and counts in the
//! ledger, and substitutes shown on the part page.

use axum::http::StatusCode;
use sqlx::PgPool;

use crate::support::TestApp;
use crate::support::demo::users;

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
         WHERE stock_status = 'LOW_STOCK' ORDER BY part_number LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let quantity = reorder_point * 3 + 1;
    let form = format!("part_number={number}&quantity={quantity}&note=PO-4711");
    let reply = app
        .call("/api/inventory/stock/receive", &form, Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
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
    let no_reason = app
        .call(
            "/api/inventory/stock/adjust",
            "part_number=111-0001&change=-1&reason=+",
            Some(&cookie),
        )
        .await;
    assert!(
        no_reason.body.contains(r#""field":"reason""#),
        "{}",
        no_reason.body
    );
    // 111-0001 has 31 on hand, 3 allocated.
    let too_far = app
        .call(
            "/api/inventory/stock/adjust",
            "part_number=111-0001&change=-30&reason=count",
            Some(&cookie),
        )
        .await;
    assert_eq!(too_far.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        too_far.body.contains(r#""field":"change""#),
        "{}",
        too_far.body
    );
    let counted = app
        .call(
            "/api/inventory/stock/adjust",
            "part_number=111-0001&change=-2&reason=cycle+count",
            Some(&cookie),
        )
        .await;
    assert_eq!(
        (counted.status, counted.body.as_str()),
        (StatusCode::OK, "29")
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn substitutes_refuse_the_part_itself_and_show_on_the_part_page(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let add = |substitute: &str| {
        format!(
            "part_number=111-0001&substitute={substitute}&kind=EMERGENCY&conversion_factor=1.5&notes="
        )
    };
    let itself = app
        .call(
            "/api/inventory/substitutes/add",
            &add("111-0001"),
            Some(&cookie),
        )
        .await;
    assert_eq!(itself.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        itself.body.contains("cannot substitute for itself"),
        "{}",
        itself.body
    );

    let added = app
        .call(
            "/api/inventory/substitutes/add",
            &add("111-0002"),
            Some(&cookie),
        )
        .await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.body);
    let page = app
        .call("/api/inventory/part", "part_number=111-0001", Some(&cookie))
        .await;
    assert!(
        page.body.contains(r#""part_number":"111-0002""#),
        "{}",
        page.body
    );
    assert!(
        page.body.contains(r#""kind":"EMERGENCY""#)
            && page.body.contains(r#""conversion_factor":"1.5""#)
    );

    let removed = app
        .call(
            "/api/inventory/substitutes/remove",
            "part_number=111-0001&substitute=111-0002",
            Some(&cookie),
        )
        .await;
    assert_eq!(removed.status, StatusCode::OK);
    let page = app
        .call("/api/inventory/part", "part_number=111-0001", Some(&cookie))
        .await;
    assert!(!page.body.contains(r#""part_number":"111-0002""#));
}

#[sqlx::test(migrations = "../migrations")]
async fn notes_and_reasons_longer_than_their_fields_are_refused_at_the_field(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let long = "x".repeat(2_001);
    let cases = [
        (
            "/api/inventory/stock/receive",
            format!("part_number=111-0001&quantity=1&note={}", "P".repeat(101)),
            "note",
            "At most 100 characters; this has 101.",
        ),
        (
            "/api/inventory/stock/adjust",
            format!("part_number=111-0001&change=1&reason={long}"),
            "reason",
            "At most 2,000 characters; this has 2,001.",
        ),
        (
            "/api/inventory/substitutes/add",
            format!(
                "part_number=111-0001&substitute=111-0002&kind=PREFERRED&conversion_factor=1&notes={long}"
            ),
            "notes",
            "At most 2,000 characters; this has 2,001.",
        ),
    ];
    for (path, form, field, message) in cases {
        let reply = app.call(path, &form, Some(&cookie)).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        assert!(
            reply.body.contains(&format!(r#""field":"{field}""#)) && reply.body.contains(message),
            "{path}: {}",
            reply.body
        );
    }
}
