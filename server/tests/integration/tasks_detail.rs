//! The task page's read: a demo task in production with its unit, links,
//! materials and time; a number that names no task is not found.

use sqlx::PgPool;
use torvan::workflow::TaskStatus;
use torvan_app::error::AppError;
use torvan_app::tasks::GetTask;

use crate::support::TestApp;
use crate::support::demo::users;

fn get(number: &str) -> GetTask {
    GetTask {
        task_number: number.to_owned(),
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_task_reads_with_its_unit_links_materials_and_time(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;

    // The demo rush order's first unit: frame under way, basins next.
    let task = app
        .run(&cookie, get("tb-2026-0110-01-1-070"))
        .await
        .unwrap();

    assert_eq!(task.number.as_str(), "TB-2026-0110-01-1-070");
    assert_eq!(task.status, TaskStatus::Pending);
    assert_eq!(task.build_number.as_str(), "TB-2026-0110-01-1");
    let waits_for: Vec<_> = task
        .predecessors
        .iter()
        .map(|link| (link.number.as_str(), link.status))
        .collect();
    assert_eq!(
        waits_for,
        [("TB-2026-0110-01-1-060", TaskStatus::InProgress)]
    );
    assert!(!task.successors.is_empty());
    // The route's material step takes every BOM line that names no step.
    assert!(!task.materials.is_empty());
    assert!(
        task.materials
            .iter()
            .all(|line| line.required > rust_decimal::Decimal::ZERO)
    );

    let done = app
        .run(&cookie, get("TB-2026-0110-01-1-010"))
        .await
        .unwrap();
    assert_eq!(done.status, TaskStatus::Completed);
    assert!(
        done.actual_minutes > 0,
        "the demo assembler's time is recorded"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_number_that_names_no_task_is_not_found(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;
    for number in ["TB-2026-0110-01-1-999", "not a task"] {
        assert!(
            matches!(app.run(&cookie, get(number)).await, Err(AppError::NotFound)),
            "{number}"
        );
    }
}
