//! BOM approval and stock: approving allocates what the lines need, all or
//! nothing unless asked otherwise; a newer approved version makes the old
//! one obsolete and gives its stock back, as does withdrawing an approval;
//! issuing consumes it; the ledger shows every movement.

use axum::http::StatusCode;
use sqlx::PgPool;
use uuid::Uuid;

use crate::orders_sinks::coordinator;
use crate::support::TestApp;
use crate::support::demo::orders;

/// The newest BOM version of `build`.
pub(crate) async fn latest(pool: &PgPool, build: &str) -> Uuid {
    sqlx::query_scalar(
        "SELECT b.id FROM orders.boms b JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
         WHERE c.build_number = $1 ORDER BY b.version DESC LIMIT 1",
    )
    .bind(build)
    .fetch_one(pool)
    .await
    .unwrap()
}

/// A new draft version of `build`, generated on request. The demo BOMs of
/// orders past production are approved and issued, so an order that has
/// shipped is first put back in the shop: a shipped order's BOMs are frozen.
async fn fresh_draft(pool: &PgPool, app: &TestApp, cookie: &str, build: &str) -> Uuid {
    sqlx::query(
        "UPDATE orders.orders o SET status = 'IN_PRODUCTION'
         FROM orders.order_sink_configurations c
         WHERE c.order_id = o.id AND c.build_number = $1 AND o.status IN ('SHIPPED', 'DELIVERED')",
    )
    .bind(build)
    .execute(pool)
    .await
    .unwrap();
    let order: String = sqlx::query_scalar(
        "SELECT o.order_number FROM orders.orders o
         JOIN orders.order_sink_configurations c ON c.order_id = o.id WHERE c.build_number = $1",
    )
    .bind(build)
    .fetch_one(pool)
    .await
    .unwrap();
    let reply = app
        .call(
            "/api/boms/generate",
            &format!("order_number={order}&build_number={build}&reason=Test+draft"),
            Some(cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    latest(pool, build).await
}

/// Puts 100 more of each part of `bom` on the shelf: what other orders in
/// production hold leaves too little for an all-or-nothing approval.
async fn stock_up(pool: &PgPool, bom: Uuid) {
    sqlx::query(
        "UPDATE inventory.parts SET quantity_on_hand = quantity_on_hand + 100
         WHERE id IN (SELECT part_id FROM orders.bom_part_standing WHERE bom_id = $1)",
    )
    .bind(bom)
    .execute(pool)
    .await
    .unwrap();
}

async fn submit(app: &TestApp, cookie: &str, bom: Uuid) {
    let reply = app
        .call(
            "/api/boms/status",
            &format!("bom_id={bom}&to=PENDING_APPROVAL"),
            Some(cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
}

async fn approve(app: &TestApp, cookie: &str, bom: Uuid, partial: bool) -> (StatusCode, String) {
    let reply = app
        .call(
            "/api/boms/approve",
            &format!("bom_id={bom}&partial={partial}"),
            Some(cookie),
        )
        .await;
    (reply.status, reply.body)
}

/// Net units the ledger holds for a BOM version, per movement type.
async fn ledger(pool: &PgPool, bom: Uuid) -> Vec<(String, i64)> {
    sqlx::query_as(
        "SELECT movement_type::text, sum(allocated_change)::bigint FROM inventory.stock_movements
         WHERE reference_type = 'BOM' AND reference_id = $1::text
         GROUP BY 1 ORDER BY 1",
    )
    .bind(bom)
    .fetch_all(pool)
    .await
    .unwrap()
}

async fn allocated(pool: &PgPool, part: &str) -> i32 {
    sqlx::query_scalar("SELECT quantity_allocated FROM inventory.parts WHERE part_number = $1")
        .bind(part)
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn approval_allocates_and_a_newer_approval_gives_the_old_stock_back(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let build = orders::DELIVERED_BUILD;
    let first = fresh_draft(&pool, &app, &cookie, build).await;
    stock_up(&pool, first).await;
    let drains_before = allocated(&pool, "221-0001").await;

    let (status, body) = approve(&app, &cookie, first, false).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a draft is submitted first: {body}"
    );
    submit(&app, &cookie, first).await;
    let (status, body) = approve(&app, &cookie, first, false).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "[]"));
    let drains: i32 = sqlx::query_scalar(
        "SELECT sum(ceil(i.total_quantity))::int FROM orders.bom_items i
         JOIN inventory.parts p ON p.id = i.part_id WHERE i.bom_id = $1 AND p.part_number = '221-0001'",
    )
    .bind(first)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(allocated(&pool, "221-0001").await, drains_before + drains);
    let held = ledger(&pool, first).await;
    assert_eq!(held.len(), 1);
    assert!(held[0].0 == "ALLOCATE" && held[0].1 > 20, "{held:?}");

    let reply = app
        .call(
            "/api/boms/generate",
            "order_number=ORD-2026-0102&build_number=TB-2026-0102-01&reason=Re-run",
            Some(&cookie),
        )
        .await;
    assert_eq!((reply.status, reply.body.as_str()), (StatusCode::OK, "3"));
    let second = latest(&pool, build).await;
    submit(&app, &cookie, second).await;
    let (status, body) = approve(&app, &cookie, second, false).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let old = ledger(&pool, first).await;
    assert_eq!(
        old,
        [
            ("ALLOCATE".into(), held[0].1),
            ("RELEASE".into(), -held[0].1)
        ]
    );
    assert_eq!(allocated(&pool, "221-0001").await, drains_before + drains);
    let statuses: Vec<(i32, String)> = sqlx::query_as(
        "SELECT b.version, b.status FROM orders.boms b
         JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
         WHERE c.build_number = $1 ORDER BY b.version",
    )
    .bind(build)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        statuses,
        [
            (1, "OBSOLETE".into()),
            (2, "OBSOLETE".into()),
            (3, "APPROVED".into())
        ]
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_short_part_stops_an_all_or_nothing_approval_but_not_a_partial_one(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let bom = fresh_draft(&pool, &app, &cookie, orders::RUSH_WITH_CUSTOM_PART_BUILD).await;
    submit(&app, &cookie, bom).await;

    let (status, body) = approve(&app, &cookie, bom, false).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("321-0002 needs 3, 0 available"), "{body}");
    assert!(ledger(&pool, bom).await.is_empty());
    let status: String = sqlx::query_scalar("SELECT status FROM orders.boms WHERE id = $1")
        .bind(bom)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(status, "PENDING_APPROVAL");

    let (status, body) = approve(&app, &cookie, bom, true).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let shortages: Vec<serde_json::Value> = serde_json::from_str(&body).unwrap();
    assert!(
        shortages.contains(
            &serde_json::json!({"part_number": "321-0002", "requested": 3, "available": 0})
        ),
        "{body}"
    );
    assert!(
        shortages
            .iter()
            .all(|short| short["available"].as_i64() < short["requested"].as_i64()),
        "{body}"
    );
    assert!(!ledger(&pool, bom).await.is_empty());
}

async fn on_hand_and_allocated(pool: &PgPool, part: &str) -> (i32, i32) {
    sqlx::query_as(
        "SELECT quantity_on_hand, quantity_allocated FROM inventory.parts WHERE part_number = $1",
    )
    .bind(part)
    .fetch_one(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn issued_stock_leaves_the_shelf_and_a_withdrawn_approval_releases_the_rest(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let act = |what: &'static str, bom: Uuid| {
        let (app, cookie) = (&app, cookie.clone());
        async move {
            app.call(
                &format!("/api/boms/{what}"),
                &format!("bom_id={bom}"),
                Some(&cookie),
            )
            .await
        }
    };
    let issued = fresh_draft(&pool, &app, &cookie, orders::DELIVERED_BUILD).await;
    stock_up(&pool, issued).await;
    let refused = act("issue", issued).await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a draft holds no stock"
    );
    submit(&app, &cookie, issued).await;
    assert_eq!(
        approve(&app, &cookie, issued, false).await.0,
        StatusCode::OK
    );
    let (on_hand, allocated) = on_hand_and_allocated(&pool, "221-0001").await;
    let reply = act("issue", issued).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let held = ledger(&pool, issued).await;
    let taken = -held.iter().find(|(kind, _)| kind == "ISSUE").unwrap().1;
    assert_eq!(
        held.iter().map(|(_, units)| units).sum::<i64>(),
        0,
        "{held:?}"
    );
    let (after_on_hand, after_allocated) = on_hand_and_allocated(&pool, "221-0001").await;
    assert!(taken > 0 && after_on_hand < on_hand && after_allocated < allocated);
    assert_eq!(
        act("issue", issued).await.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "once"
    );

    let withdrawn = fresh_draft(&pool, &app, &cookie, orders::READY_TO_SHIP_BUILD).await;
    submit(&app, &cookie, withdrawn).await;
    let (status, body) = approve(&app, &cookie, withdrawn, true).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let reply = act("withdraw", withdrawn).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let moves = ledger(&pool, withdrawn).await;
    assert_eq!(moves.len(), 2);
    assert_eq!(moves[0].1, -moves[1].1, "{moves:?}");
    let status: String = sqlx::query_scalar("SELECT status FROM orders.boms WHERE id = $1")
        .bind(withdrawn)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(status, "OBSOLETE");
}
