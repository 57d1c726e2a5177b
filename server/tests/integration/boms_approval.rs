//! BOM approval and stock: approving allocates what the lines need, all or
//! nothing unless asked otherwise; a newer approved version makes the old
//! one obsolete and gives its stock back, as does withdrawing an approval;
//! issuing consumes it; the ledger shows every movement.

use sqlx::PgPool;
use torvan::bom::BomStatus;
use torvan::signature::Meaning;
use torvan_app::boms::{ApproveBom, GenerateBom, IssueBom, MoveBom, Shortage, WithdrawBom};
use torvan_app::error::AppError;
use uuid::Uuid;

use crate::orders_sinks::coordinator;
use crate::signatures::{second_signer, signing};
use crate::support::demo::{orders, parts};
use crate::support::{TestApp, arranging, rule_broken};

/// A new BOM version of `build`, asked for with `reason`.
pub(crate) fn regenerate(order: &str, build: &str, reason: &str) -> GenerateBom {
    GenerateBom {
        order_number: order.to_owned(),
        build_number: build.to_owned(),
        reason: reason.to_owned(),
    }
}

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
pub(crate) async fn fresh_draft(pool: &PgPool, app: &TestApp, cookie: &str, build: &str) -> Uuid {
    sqlx::query(
        "UPDATE orders.orders o SET status = 'IN_PRODUCTION'
         FROM orders.order_sink_configurations c
         WHERE c.order_id = o.id AND c.build_number = $1 AND o.status IN ('SHIPPED', 'DELIVERED')",
    )
    .bind(build)
    .execute(&mut arranging(pool).await)
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
    app.run(cookie, regenerate(&order, build, "Test draft"))
        .await
        .unwrap();
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
    .execute(&mut arranging(pool).await)
    .await
    .unwrap();
}

pub(crate) async fn submit(app: &TestApp, cookie: &str, bom: Uuid) {
    let submit = MoveBom {
        bom_id: bom,
        to: BomStatus::PendingApproval,
    };
    app.run(cookie, submit).await.unwrap();
}

/// Approves `bom` as the holder of `cookie`, signing with their password:
/// the coordinator generates the test drafts, so the administrator approves
/// them (separation of duties).
async fn approve(
    app: &TestApp,
    cookie: &str,
    bom: Uuid,
    partial: bool,
) -> Result<Vec<Shortage>, AppError> {
    app.run(
        cookie,
        ApproveBom {
            bom_id: bom,
            partial,
            signing: signing(Meaning::Approved),
        },
    )
    .await
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
    let approver = second_signer(&app).await;
    let build = orders::DELIVERED_BUILD;
    let first = fresh_draft(&pool, &app, &cookie, build).await;
    stock_up(&pool, first).await;
    let drains_before = allocated(&pool, parts::DRAIN_BODY).await;

    // A draft is submitted first.
    rule_broken(approve(&app, &approver, first, false).await);
    submit(&app, &cookie, first).await;
    assert_eq!(approve(&app, &approver, first, false).await, Ok(vec![]));
    let drains: i32 = sqlx::query_scalar(
        "SELECT sum(ceil(i.total_quantity))::int FROM orders.bom_items i
         JOIN inventory.parts p ON p.id = i.part_id WHERE i.bom_id = $1 AND p.part_number = $2",
    )
    .bind(first)
    .bind(parts::DRAIN_BODY)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        allocated(&pool, parts::DRAIN_BODY).await,
        drains_before + drains
    );
    let held = ledger(&pool, first).await;
    assert_eq!(held.len(), 1);
    assert!(held[0].0 == "ALLOCATE" && held[0].1 > 20, "{held:?}");

    let rerun = regenerate(orders::DELIVERED, build, "Re-run");
    assert_eq!(app.run(&cookie, rerun).await, Ok(3));
    let second = latest(&pool, build).await;
    submit(&app, &cookie, second).await;
    approve(&app, &approver, second, false).await.unwrap();

    let old = ledger(&pool, first).await;
    assert_eq!(
        old,
        [
            ("ALLOCATE".into(), held[0].1),
            ("RELEASE".into(), -held[0].1)
        ]
    );
    assert_eq!(
        allocated(&pool, parts::DRAIN_BODY).await,
        drains_before + drains
    );
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
    let approver = second_signer(&app).await;
    let bom = fresh_draft(&pool, &app, &cookie, orders::RUSH_WITH_CUSTOM_PART_BUILD).await;
    submit(&app, &cookie, bom).await;

    let refused = rule_broken(approve(&app, &approver, bom, false).await);
    let short = format!("{} needs 3, 0 available", parts::DRAIN_ACTUATOR);
    assert!(refused.to_string().contains(&short), "{refused:?}");
    assert!(ledger(&pool, bom).await.is_empty());
    let status: String = sqlx::query_scalar("SELECT status FROM orders.boms WHERE id = $1")
        .bind(bom)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(status, "PENDING_APPROVAL");

    let shortages = approve(&app, &approver, bom, true).await.unwrap();
    let actuators = Shortage {
        part_number: parts::DRAIN_ACTUATOR.to_owned(),
        requested: 3,
        available: 0,
    };
    assert!(shortages.contains(&actuators), "{shortages:?}");
    assert!(
        shortages
            .iter()
            .all(|short| short.available < short.requested),
        "{shortages:?}"
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
    let approver = second_signer(&app).await;
    let issue = {
        let (app, cookie) = (&app, cookie.as_str());
        move |bom_id| app.run(cookie, IssueBom { bom_id })
    };
    let issued = fresh_draft(&pool, &app, &cookie, orders::DELIVERED_BUILD).await;
    stock_up(&pool, issued).await;
    // A draft holds no stock.
    rule_broken(issue(issued).await);
    submit(&app, &cookie, issued).await;
    approve(&app, &approver, issued, false).await.unwrap();
    let (on_hand, allocated) = on_hand_and_allocated(&pool, parts::DRAIN_BODY).await;
    issue(issued).await.unwrap();
    let held = ledger(&pool, issued).await;
    let taken = -held.iter().find(|(kind, _)| kind == "ISSUE").unwrap().1;
    assert_eq!(
        held.iter().map(|(_, units)| units).sum::<i64>(),
        0,
        "{held:?}"
    );
    let (after_on_hand, after_allocated) = on_hand_and_allocated(&pool, parts::DRAIN_BODY).await;
    assert!(taken > 0 && after_on_hand < on_hand && after_allocated < allocated);
    // Once.
    rule_broken(issue(issued).await);

    let withdrawn = fresh_draft(&pool, &app, &cookie, orders::READY_TO_SHIP_BUILD).await;
    submit(&app, &cookie, withdrawn).await;
    approve(&app, &approver, withdrawn, true).await.unwrap();
    let withdraw = WithdrawBom { bom_id: withdrawn };
    app.run(&cookie, withdraw).await.unwrap();
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
