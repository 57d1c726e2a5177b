//! Service order line items over HTTP: catalogue parts, the database's
//! computed amounts, the order total, and the orders that take no lines.

use axum::http::StatusCode;
use rust_decimal_macros::dec;
use sqlx::PgPool;

use crate::support::TestApp;

const SERVICE: &str = "ORD-2026-0114";

async fn service_desk(pool: &PgPool) -> (TestApp, String) {
    TestApp::demo_signed_in(pool, "service@torvan.test").await
}

fn line(order: &str, part: &str, quantity: &str, price: &str, discount: &str) -> String {
    format!(
        "order_number={order}&line[part_number]={part}&line[quantity]={quantity}\
         &line[unit_price]={price}&line[discount_percent]={discount}"
    )
}

async fn total(pool: &PgPool) -> rust_decimal::Decimal {
    sqlx::query_scalar("SELECT subtotal FROM orders.orders WHERE order_number = $1")
        .bind(SERVICE)
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_line_takes_the_part_from_the_catalogue_and_the_amounts_from_the_database(pool: PgPool) {
    let (app, cookie) = service_desk(&pool).await;
    let reply = app
        .call(
            "/api/orders/lines/add",
            &line(SERVICE, "311-0003", "3", "940.00", "12.5"),
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let (number, description, net): (i32, String, rust_decimal::Decimal) = sqlx::query_as(
        "SELECT l.line_number, l.description, l.net_amount FROM orders.order_line_items l
         JOIN orders.orders o ON o.id = l.order_id
         WHERE o.order_number = $1 AND l.part_number = '311-0003'",
    )
    .bind(SERVICE)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(number, 5, "after the four demo lines");
    assert_eq!(description, "Infrared sensor faucet, deck mount, 6 V");
    assert_eq!(net, dec!(2467.50));
    let with_line = total(&pool).await;

    let reply = app
        .call(
            "/api/orders/lines/remove",
            &format!("order_number={SERVICE}&line_number=5"),
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(total(&pool).await, with_line - net);
}

#[sqlx::test(migrations = "../migrations")]
async fn bad_lines_are_refused_at_their_fields(pool: PgPool) {
    let (app, cookie) = service_desk(&pool).await;
    let reply = app
        .call(
            "/api/orders/lines/add",
            &line(SERVICE, "311-0003", "0", "abc", "120"),
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["quantity", "unit_price", "discount_percent"] {
        assert!(
            reply.body.contains(&format!(r#""field":"{field}""#)),
            "{field}: {}",
            reply.body
        );
    }
    let reply = app
        .call(
            "/api/orders/lines/add",
            &line(SERVICE, "999-9999", "1", "5", "0"),
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("No active part"), "{}", reply.body);
    let reply = app
        .call(
            "/api/orders/lines/add",
            &line("ORD-2026-0113", "311-0003", "1", "5", "0"),
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains("production orders have sinks"),
        "{}",
        reply.body
    );
}
