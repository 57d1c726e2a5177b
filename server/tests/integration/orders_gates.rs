//! The lifecycle's gates over HTTP: production waits for something to
//! make, approved sinks and approved BOMs; shipping waits for every build's
//! stock to be issued; a shipped order's BOMs are its as-built record; and
//! the demo orders already stand where their status says.

use axum::http::StatusCode;
use sqlx::PgPool;

use crate::boms_approval::latest;
use crate::orders_lifecycle::{approve_bom, order, post, request_move};
use crate::support::TestApp;
use crate::support::demo::{orders, users};

#[sqlx::test(migrations = "../migrations")]
async fn production_waits_for_every_sinks_bom_and_names_the_build_that_holds_it_up(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    let sink = "order_number=ORD-2026-0112&build_number=TB-2026-0112-01";
    let approved = post(&app, &cookie, "/api/orders/sinks/approve", sink).await;
    assert_eq!(approved.0, StatusCode::OK, "{}", approved.1);
    let (_, version) = order(&pool, orders::PENDING).await;
    let (status, body) = request_move(&app, &cookie, &pool, orders::PENDING, "IN_PRODUCTION").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("BOM must be approved") && body.contains(orders::PENDING_BUILD),
        "{body}"
    );
    assert_eq!(
        order(&pool, orders::PENDING).await,
        ("PENDING".to_owned(), version)
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn an_order_with_nothing_to_make_cannot_start_production(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    let (status, number) = post(
        &app,
        &cookie,
        "/api/orders/create",
        "order[customer_number]=C-10003",
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{number}");
    let number = number.trim_matches('"').to_owned();

    let (status, body) = request_move(&app, &cookie, &pool, &number, "IN_PRODUCTION").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("nothing to produce"), "{body}");
    assert_eq!(order(&pool, &number).await.0, "PENDING");
}

#[sqlx::test(migrations = "../migrations")]
async fn an_order_ships_only_once_every_build_has_its_stock_issued(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    let build = orders::READY_TO_SHIP_BUILD;
    let generated = post(
        &app,
        &cookie,
        "/api/boms/generate",
        &format!("order_number=ORD-2026-0104&build_number={build}&reason=Engineering+change"),
    )
    .await;
    assert_eq!(generated.0, StatusCode::OK, "{}", generated.1);
    let bom = latest(&pool, build).await;
    approve_bom(&app, &cookie, bom).await;
    let (status, body) = request_move(&app, &cookie, &pool, orders::READY_TO_SHIP, "SHIPPED").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("still to issue: TB-2026-0104-01"), "{body}");

    // What the shelf lacked arrives; issuing takes it along with the hold.
    sqlx::query(
        "UPDATE inventory.parts SET quantity_on_hand = quantity_on_hand + 100
         WHERE id IN (SELECT part_id FROM orders.bom_part_standing WHERE bom_id = $1)",
    )
    .bind(bom)
    .execute(&pool)
    .await
    .unwrap();
    let issued = post(&app, &cookie, "/api/boms/issue", &format!("bom_id={bom}")).await;
    assert_eq!(issued.0, StatusCode::OK, "{}", issued.1);
    let (status, body) = request_move(&app, &cookie, &pool, orders::READY_TO_SHIP, "SHIPPED").await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_shipped_orders_boms_cannot_be_withdrawn_or_regenerated(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let build = "TB-2026-0101-01";
    let bom = latest(&pool, build).await;

    let (status, body) = post(
        &app,
        &cookie,
        "/api/boms/withdraw",
        &format!("bom_id={bom}"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("as-built record"), "{body}");
    let (status, body) = post(
        &app,
        &cookie,
        "/api/boms/generate",
        &format!("order_number=ORD-2026-0101&build_number={build}&reason=Late+change"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("as-built record"), "{body}");

    let (bom_status, versions): (String, i64) = sqlx::query_as(
        "SELECT (SELECT status FROM orders.boms WHERE id = $1),
                (SELECT count(*) FROM orders.boms b JOIN orders.order_sink_configurations c
                   ON c.id = b.configuration_id WHERE c.build_number = $2)",
    )
    .bind(bom)
    .bind(build)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((bom_status.as_str(), versions), ("APPROVED", 1));
}

#[sqlx::test(migrations = "../migrations")]
async fn the_demo_orders_past_production_have_their_boms_approved_and_issued(pool: PgPool) {
    torvan_server::seed::seed_demo(&pool).await.unwrap();
    let unsettled: Vec<(String, String)> = sqlx::query_as(
        "SELECT o.order_number, c.build_number FROM orders.orders o
         JOIN orders.order_sink_configurations c ON c.order_id = o.id
         WHERE o.status NOT IN ('PENDING', 'IN_PRODUCTION')
           AND NOT EXISTS (SELECT 1 FROM orders.boms b WHERE b.configuration_id = c.id
                             AND b.status = 'APPROVED'
                             AND NOT EXISTS (SELECT 1 FROM orders.bom_part_standing s
                                             WHERE s.bom_id = b.id AND s.issued < s.needed))
         ORDER BY 1, 2",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(unsettled.is_empty(), "{unsettled:?}");
}
