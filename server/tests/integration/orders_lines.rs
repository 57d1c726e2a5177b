//! Service order line items over HTTP: catalogue parts, the database's
//! computed amounts, the order total, and the orders that take no lines.

use rust_decimal_macros::dec;
use sqlx::PgPool;
use torvan::order_line::LineItemDraft;
use torvan_app::error::AppError;
use torvan_app::orders::lines::{AddLineItem, RemoveLineItem};

use crate::support::TestApp;
use crate::support::demo::{orders, parts, users};

const SERVICE: &str = orders::SERVICE;

async fn service_desk(pool: &PgPool) -> (TestApp, String) {
    TestApp::demo_signed_in(pool, users::SERVICE).await
}

fn add(order: &str, part: &str, quantity: &str, price: &str, discount: &str) -> AddLineItem {
    AddLineItem {
        order_number: order.to_owned(),
        line: LineItemDraft {
            part_number: part.to_owned(),
            quantity: quantity.to_owned(),
            unit_price: price.to_owned(),
            discount_percent: discount.to_owned(),
        },
    }
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
    app.run(
        &cookie,
        add(SERVICE, parts::SENSOR_FAUCET, "3", "940.00", "12.5"),
    )
    .await
    .unwrap();
    let (number, description, net): (i32, String, rust_decimal::Decimal) = sqlx::query_as(
        "SELECT l.line_number, l.description, l.net_amount FROM orders.order_line_items l
         JOIN orders.orders o ON o.id = l.order_id
         WHERE o.order_number = $1 AND l.part_number = $2",
    )
    .bind(SERVICE)
    .bind(parts::SENSOR_FAUCET)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(number, 5, "after the four demo lines");
    assert_eq!(description, "Infrared sensor faucet, deck mount, 6 V");
    assert_eq!(net, dec!(2467.50));
    let with_line = total(&pool).await;

    let remove = RemoveLineItem {
        order_number: SERVICE.to_owned(),
        line_number: 5,
    };
    app.run(&cookie, remove).await.unwrap();
    assert_eq!(total(&pool).await, with_line - net);
}

#[sqlx::test(migrations = "../migrations")]
async fn bad_lines_are_refused_at_their_fields(pool: PgPool) {
    let (app, cookie) = service_desk(&pool).await;
    let refused = app
        .run(
            &cookie,
            add(SERVICE, parts::SENSOR_FAUCET, "0", "abc", "120"),
        )
        .await
        .unwrap_err();
    assert_eq!(
        refused.fields(),
        ["quantity", "unit_price", "discount_percent"]
    );
    let unknown = app
        .run(&cookie, add(SERVICE, "999-9999", "1", "5", "0"))
        .await
        .unwrap_err();
    assert!(
        unknown
            .for_field("part_number")
            .is_some_and(|message| message.contains("No active part")),
        "{unknown:?}"
    );
    let production = app
        .run(
            &cookie,
            add(orders::OTHER_PENDING, parts::SENSOR_FAUCET, "1", "5", "0"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&production, AppError::Invalid { message, .. } if message.contains("production orders have sinks")),
        "{production:?}"
    );
}
