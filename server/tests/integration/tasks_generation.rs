//! Tasks generated when an order enters production: every sink unit gets
//! the steps of its family's route in force that its configuration needs,
//! linked as the route says, with its share of the approved BOM at the step
//! that consumes it; generating again adds nothing; and the order goes on
//! to pre-QC only once every production task is done.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use sqlx::PgPool;
use torvan::OrderStatus;
use torvan_app::tasks::generate::for_order;

use crate::boms_approval::latest;
use crate::orders_lifecycle::{approve_bom, order, request_move};
use crate::orders_sinks::approve_sink;
use crate::signatures::second_signer;
use crate::support::demo::{orders, users};
use crate::support::{TestApp, arranging, rule_broken};

/// The demo's pending order (one LAB configuration of two units) with its
/// sink and BOM approved, ready to enter production; the coordinator's app.
async fn ready_for_production(pool: &PgPool) -> (TestApp, String) {
    let (app, cookie) = TestApp::demo_signed_in(pool, users::COORDINATOR).await;
    let admin = second_signer(&app).await;
    let sink = approve_sink(orders::PENDING, orders::PENDING_BUILD);
    app.run(&admin, sink).await.unwrap();
    approve_bom(&app, &cookie, latest(pool, orders::PENDING_BUILD).await).await;
    (app, cookie)
}

async fn in_production(pool: &PgPool) -> (TestApp, String) {
    let (app, cookie) = ready_for_production(pool).await;
    request_move(
        &app,
        &cookie,
        pool,
        orders::PENDING,
        OrderStatus::InProduction,
    )
    .await
    .unwrap();
    (app, cookie)
}

/// The order's task numbers, in order.
async fn task_numbers(pool: &PgPool) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT t.task_number FROM workflow.tasks t JOIN orders.orders o ON o.id = t.order_id
         WHERE o.order_number = $1 ORDER BY t.task_number",
    )
    .bind(orders::PENDING)
    .fetch_all(pool)
    .await
    .unwrap()
}

/// (successor, predecessor) step codes of one unit's links.
async fn links(pool: &PgPool, unit: &str) -> Vec<(String, String)> {
    sqlx::query_as(
        "SELECT s.step_code, p.step_code
         FROM workflow.task_dependencies d
         JOIN workflow.tasks s ON s.id = d.successor_task_id
         JOIN workflow.tasks p ON p.id = d.predecessor_task_id
         JOIN orders.sink_builds b ON b.id = s.build_id
         WHERE b.build_number = $1 AND p.build_id = s.build_id
         ORDER BY 1, 2",
    )
    .bind(unit)
    .fetch_all(pool)
    .await
    .unwrap()
}

fn unit(number: u8) -> String {
    format!("{}-{number}", orders::PENDING_BUILD)
}

#[sqlx::test(migrations = "../migrations")]
async fn entering_production_gives_every_sink_unit_the_steps_its_configuration_needs(pool: PgPool) {
    in_production(&pool).await;

    let numbers = task_numbers(&pool).await;
    let first: Vec<&str> = numbers
        .iter()
        .filter_map(|n| n.strip_prefix(&format!("{}-", unit(1))))
        .collect();
    let second: Vec<&str> = numbers
        .iter()
        .filter_map(|n| n.strip_prefix(&format!("{}-", unit(2))))
        .collect();
    assert_eq!(first.len() + second.len(), numbers.len(), "{numbers:?}");
    assert_eq!(first, second);
    // A lab sink on fixed legs: no electrical step.
    assert_eq!(first.first(), Some(&"010"));
    assert!(!first.contains(&"100"), "{first:?}");
    assert!(
        first.contains(&"110") && first.contains(&"140"),
        "{first:?}"
    );

    let links = links(&pool, &unit(1)).await;
    assert!(
        links.contains(&("020".to_owned(), "010".to_owned())),
        "{links:?}"
    );
    // Pre-QC waited for plumbing and electrical; without electrical, for plumbing.
    let pre_qc: Vec<&str> = links
        .iter()
        .filter(|(after, _)| after == "110")
        .map(|(_, before)| before.as_str())
        .collect();
    assert_eq!(pre_qc, ["090"]);
    let waiting: Vec<&str> = links.iter().map(|(after, _)| after.as_str()).collect();
    for code in &first[1..] {
        assert!(waiting.contains(code), "step {code} waits for nothing");
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn each_unit_gets_its_share_of_the_approved_bom_at_the_step_that_consumes_it(pool: PgPool) {
    let (_app, _cookie) = ready_for_production(&pool).await;
    let bom = latest(&pool, orders::PENDING_BUILD).await;
    // One line names the welding of the basins; the rest name no step.
    let mut conn = arranging(&pool).await;
    sqlx::query("UPDATE orders.bom_items SET route_step = NULL WHERE bom_id = $1")
        .bind(bom)
        .execute(&mut conn)
        .await
        .unwrap();
    let named: uuid::Uuid = sqlx::query_scalar(
        "UPDATE orders.bom_items SET route_step = '020'
         WHERE id = (SELECT id FROM orders.bom_items i WHERE i.bom_id = $1 AND i.part_id IS NOT NULL
                       AND NOT EXISTS (SELECT 1 FROM orders.bom_items c WHERE c.parent_item_id = i.id)
                     ORDER BY i.line_number LIMIT 1)
         RETURNING part_id",
    )
    .bind(bom)
    .fetch_one(&mut conn)
    .await
    .unwrap();
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    request_move(
        &app,
        &cookie,
        &pool,
        orders::PENDING,
        OrderStatus::InProduction,
    )
    .await
    .unwrap();

    let given: Vec<(String, uuid::Uuid, Decimal)> = sqlx::query_as(
        "SELECT t.step_code, m.part_id, m.quantity_required
         FROM workflow.task_materials m JOIN workflow.tasks t ON t.id = m.task_id
         JOIN orders.sink_builds b ON b.id = t.build_id
         WHERE b.build_number = $1",
    )
    .bind(unit(1))
    .fetch_all(&pool)
    .await
    .unwrap();
    let needed: BTreeMap<uuid::Uuid, Decimal> = sqlx::query_as::<_, (uuid::Uuid, Decimal)>(
        "SELECT i.part_id, sum(i.total_quantity) / 2 FROM orders.bom_items i
         WHERE i.bom_id = $1 AND i.part_id IS NOT NULL AND NOT coalesce(i.is_phantom, FALSE)
           AND NOT EXISTS (SELECT 1 FROM orders.bom_items c WHERE c.parent_item_id = i.id)
         GROUP BY i.part_id",
    )
    .bind(bom)
    .fetch_all(&pool)
    .await
    .unwrap()
    .into_iter()
    .collect();
    let mut per_part: BTreeMap<uuid::Uuid, Decimal> = BTreeMap::new();
    for (step, part, quantity) in &given {
        let expected_step = if *part == named { "020" } else { "070" };
        assert_eq!(step, expected_step, "part {part}");
        *per_part.entry(*part).or_default() += quantity;
    }
    let rounded: BTreeMap<_, _> = needed
        .into_iter()
        .map(|(part, q)| (part, q.round_dp(4)))
        .collect();
    assert_eq!(per_part, rounded);
}

#[sqlx::test(migrations = "../migrations")]
async fn generating_again_creates_nothing_new(pool: PgPool) {
    in_production(&pool).await;
    let before = task_numbers(&pool).await;
    let order_id: uuid::Uuid =
        sqlx::query_scalar("SELECT id FROM orders.orders WHERE order_number = $1")
            .bind(orders::PENDING)
            .fetch_one(&pool)
            .await
            .unwrap();

    let mut conn = arranging(&pool).await;
    let written = for_order(&mut conn, users::ADMIN_ID, order_id)
        .await
        .unwrap();

    assert_eq!(written, 0);
    assert_eq!(task_numbers(&pool).await, before);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_route_rule_that_fails_for_a_unit_refuses_production_and_leaves_nothing(pool: PgPool) {
    let (app, cookie) = ready_for_production(&pool).await;
    // Version 2 of the lab route, whose first estimate divides by zero.
    let mut conn = arranging(&pool).await;
    sqlx::raw_sql(
        "INSERT INTO workflow.routes (sink_family_id, version, created_by)
         SELECT sink_family_id, 2, created_by FROM workflow.routes r
         JOIN products.sink_families f ON f.id = r.sink_family_id WHERE f.code = 'LAB';
         INSERT INTO workflow.route_steps (route_id, step_code, title, task_type, work_center,
                                           estimate_formula, takes_unassigned_materials)
         SELECT r.id, '010', 'Cut', 'ASSEMBLY', 'CUTTING', '60 / (basin_count - basin_count)', TRUE
         FROM workflow.routes r JOIN products.sink_families f ON f.id = r.sink_family_id
         WHERE f.code = 'LAB' AND r.version = 2;",
    )
    .execute(&mut conn)
    .await
    .unwrap();

    let refused = rule_broken(
        request_move(
            &app,
            &cookie,
            &pool,
            orders::PENDING,
            OrderStatus::InProduction,
        )
        .await,
    );

    let message = refused.for_field("to").unwrap();
    assert!(
        message.contains(&unit(1)) && message.contains("step 010"),
        "{message}"
    );
    assert_eq!(order(&pool, orders::PENDING).await.0, "PENDING");
    assert!(task_numbers(&pool).await.is_empty());
}

#[sqlx::test(migrations = "../migrations")]
async fn pre_qc_waits_for_every_production_task_and_names_the_units_still_open(pool: PgPool) {
    let (app, cookie) = in_production(&pool).await;

    let refused =
        rule_broken(request_move(&app, &cookie, &pool, orders::PENDING, OrderStatus::PreQc).await);
    let message = refused.for_field("to").unwrap();
    assert!(
        message.contains(&unit(1)) && message.contains(&unit(2)),
        "{message}"
    );

    let mut conn = arranging(&pool).await;
    sqlx::query(
        "UPDATE workflow.tasks t SET status = 'COMPLETED', started_at = now(), completed_at = now()
         FROM orders.orders o WHERE o.id = t.order_id AND o.order_number = $1
           AND t.task_type = 'ASSEMBLY'",
    )
    .bind(orders::PENDING)
    .execute(&mut conn)
    .await
    .unwrap();
    request_move(&app, &cookie, &pool, orders::PENDING, OrderStatus::PreQc)
        .await
        .unwrap();
}
