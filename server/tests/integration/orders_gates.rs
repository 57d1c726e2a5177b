//! The lifecycle's gates over HTTP: production waits for something to
//! make, approved sinks and approved BOMs; shipping waits for every build's
//! stock to be issued; a shipped order's BOMs are its as-built record; and
//! the demo orders already stand where their status says.

use sqlx::PgPool;
use torvan::OrderStatus;
use torvan::order_draft::HeaderDraft;
use torvan_app::boms::{IssueBom, WithdrawBom};

use crate::boms_approval::{latest, regenerate};
use crate::orders_lifecycle::{approve_bom, new_order, order, request_move};
use crate::orders_sinks::approve_sink;
use crate::signatures::second_signer;
use crate::support::demo::{customers, orders, users};
use crate::support::{TestApp, arranging, rule_broken};

#[sqlx::test(migrations = "../migrations")]
async fn production_waits_for_every_sinks_bom_and_names_the_build_that_holds_it_up(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    let sink = approve_sink(orders::PENDING, orders::PENDING_BUILD);
    let admin = second_signer(&app).await;
    app.run(&admin, sink).await.unwrap();
    let (_, version) = order(&pool, orders::PENDING).await;
    let start = request_move(
        &app,
        &cookie,
        &pool,
        orders::PENDING,
        OrderStatus::InProduction,
    );
    let said = rule_broken(start.await).to_string();
    assert!(
        said.contains("BOM must be approved") && said.contains(orders::PENDING_BUILD),
        "{said}"
    );
    assert_eq!(
        order(&pool, orders::PENDING).await,
        ("PENDING".to_owned(), version)
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn an_order_with_nothing_to_make_cannot_start_production(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    let empty = new_order(customers::NORTHWIND, HeaderDraft::default());
    let number = app.run(&cookie, empty).await.unwrap().to_string();

    let start = request_move(&app, &cookie, &pool, &number, OrderStatus::InProduction);
    let said = rule_broken(start.await).to_string();
    assert!(said.contains("nothing to produce"), "{said}");
    assert_eq!(order(&pool, &number).await.0, "PENDING");
}

#[sqlx::test(migrations = "../migrations")]
async fn an_order_ships_only_once_every_build_has_its_stock_issued(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    let build = orders::READY_TO_SHIP_BUILD;
    let again = regenerate(orders::READY_TO_SHIP, build, "Engineering change");
    app.run(&cookie, again).await.unwrap();
    let bom = latest(&pool, build).await;
    // The coordinator generated it: the administrator approves it.
    approve_bom(&app, &second_signer(&app).await, bom).await;
    let ship = || {
        let to = OrderStatus::Shipped;
        request_move(&app, &cookie, &pool, orders::READY_TO_SHIP, to)
    };
    let said = rule_broken(ship().await).to_string();
    assert!(said.contains(&format!("still to issue: {build}")), "{said}");

    // What the shelf lacked arrives; issuing takes it along with the hold.
    sqlx::query(
        "UPDATE inventory.parts SET quantity_on_hand = quantity_on_hand + 100
         WHERE id IN (SELECT part_id FROM orders.bom_part_standing WHERE bom_id = $1)",
    )
    .bind(bom)
    .execute(&mut arranging(&pool).await)
    .await
    .unwrap();
    app.run(&cookie, IssueBom { bom_id: bom }).await.unwrap();
    ship().await.unwrap();
}

#[sqlx::test(migrations = "../migrations")]
async fn a_shipped_orders_boms_cannot_be_withdrawn_or_regenerated(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let build = orders::FIRST_DELIVERED_BUILD;
    let bom = latest(&pool, build).await;

    let withdrawn = app.run(&cookie, WithdrawBom { bom_id: bom }).await;
    let said = rule_broken(withdrawn).to_string();
    assert!(said.contains("as-built record"), "{said}");
    let again = regenerate(orders::FIRST_DELIVERED, build, "Late change");
    let said = rule_broken(app.run(&cookie, again).await).to_string();
    assert!(said.contains("as-built record"), "{said}");

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
