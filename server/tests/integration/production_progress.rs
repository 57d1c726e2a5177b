//! An order's production as the office follows it: each unit's assembly
//! tasks done and what is in progress on its page, and the dashboard's
//! list of orders whose every unit has finished production.

use sqlx::PgPool;
use torvan_app::dashboard::LoadDashboard;
use torvan_app::tasks::GetOrderTime;

use crate::support::demo::{orders, users};
use crate::support::{TestApp, arranging};

/// Every production task of `order` done, as the floor would leave it.
async fn production_finished(pool: &PgPool, order: &str) {
    sqlx::query(
        "UPDATE workflow.tasks t
         SET status = 'COMPLETED', started_at = coalesce(started_at, now()), completed_at = now()
         FROM orders.orders o
         WHERE o.id = t.order_id AND o.order_number = $1 AND t.task_type = 'ASSEMBLY'",
    )
    .bind(order)
    .execute(&mut arranging(pool).await)
    .await
    .unwrap();
}

async fn ready_for_qc(app: &TestApp, cookie: &str) -> Vec<(String, i64)> {
    app.run(cookie, LoadDashboard {})
        .await
        .unwrap()
        .ready_for_qc
        .into_iter()
        .map(|order| (order.order_number, order.units))
        .collect()
}

#[sqlx::test(migrations = "../migrations")]
async fn each_unit_shows_its_assembly_tasks_done_and_the_one_in_progress(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;

    let production = app
        .run(
            &cookie,
            GetOrderTime {
                order_number: orders::IN_PRODUCTION.to_owned(),
            },
        )
        .await
        .unwrap();

    // The rush order's two units: cut, welded and finished, the frame under
    // way, then basins and drainboards, pegboard and plumbing to come.
    let units: Vec<_> = production
        .builds
        .iter()
        .map(|unit| {
            (
                unit.build.as_str(),
                unit.production_done,
                unit.production_tasks,
                unit.in_progress.clone(),
            )
        })
        .collect();
    let frame = vec!["Frame and legs".to_owned()];
    assert_eq!(
        units,
        [
            ("TB-2026-0110-01-1", 5, 9, frame.clone()),
            ("TB-2026-0110-01-2", 5, 9, frame),
        ]
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn an_order_is_ready_for_qc_once_every_unit_has_finished_production(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    assert_eq!(ready_for_qc(&app, &cookie).await, []);

    production_finished(&pool, orders::IN_PRODUCTION).await;

    assert_eq!(
        ready_for_qc(&app, &cookie).await,
        [(orders::IN_PRODUCTION.to_owned(), 2)]
    );
}
