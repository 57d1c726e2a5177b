//! Time on tasks through the server functions: starting a timer on a
//! second task pauses the first; a stop records whole minutes; a manual
//! entry that overlaps, lies in the future or ends before it starts is
//! refused at its field with nothing saved; two starts at once leave one
//! running timer; a start and a stop a tablet kept offline are recorded
//! when tapped and once, however often sent; an assembler of another work
//! center and procurement are refused.

use chrono::{Duration, Utc};
use sqlx::PgPool;
use torvan_app::error::AppError;
use torvan_app::tasks::{AddTimeEntry, GetTaskTime, StartTimer, StopTimer, TimeEntryForm};
use uuid::Uuid;

use crate::support::demo::users;
use crate::support::shop_floor::{self, Task};
use crate::support::{TestApp, arranging};

/// The first unit of the order in production.
const UNIT: &str = "TB-2026-0110-01-1";

/// A test task at the demo assembler's station (`ASSEMBLY`), or at
/// `work_center`, with its number.
async fn task_at(pool: &PgPool, step: &str, work_center: &str) -> (Task, String) {
    let task = shop_floor::task(pool, UNIT, step, work_center).await;
    (task, format!("{UNIT}-{step}"))
}

fn start(number: &str) -> StartTimer {
    StartTimer {
        task_number: number.to_owned(),
        activity: "WORK".to_owned(),
        tapped: None,
    }
}

/// A manual entry from `start` to `end` minutes from now (negative: ago).
fn manual(number: &str, start: i64, end: i64) -> AddTimeEntry {
    let at = |minutes: i64| {
        (Utc::now() + Duration::minutes(minutes))
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    };
    AddTimeEntry {
        task_number: number.to_owned(),
        draft: TimeEntryForm {
            start: at(start),
            end: at(end),
            activity: "SETUP".to_owned(),
            note: String::new(),
        },
    }
}

/// The demo assembler's entries: (task, still running).
async fn entries_of_assembler(pool: &PgPool) -> Vec<(Uuid, bool)> {
    sqlx::query_as(
        "SELECT task_id, end_time IS NULL FROM workflow.task_time_entries
         WHERE user_id = $1 AND task_id IN (SELECT id FROM workflow.tasks WHERE step_code >= '900')
         ORDER BY start_time",
    )
    .bind(users::ASSEMBLER_ID)
    .fetch_all(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn starting_a_timer_on_a_second_task_pauses_the_first(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;
    let (first, first_number) = task_at(&pool, "910", "ASSEMBLY").await;
    let (second, second_number) = task_at(&pool, "911", "ASSEMBLY").await;

    app.run(&cookie, start(&first_number)).await.unwrap();
    app.run(&cookie, start(&second_number)).await.unwrap();

    assert_eq!(
        entries_of_assembler(&pool).await,
        [(first.id, false), (second.id, true)]
    );
    let time = app
        .run(
            &cookie,
            GetTaskTime {
                task_number: first_number,
            },
        )
        .await
        .unwrap();
    assert_eq!(
        time.running.map(|running| running.task.to_string()),
        Some(second_number),
        "the first task's page says where the timer runs now"
    );
    assert!(time.entries[0].end.is_some());
}

#[sqlx::test(migrations = "../migrations")]
async fn a_stop_records_whole_minutes(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;
    let (task, number) = task_at(&pool, "910", "ASSEMBLY").await;
    app.run(&cookie, start(&number)).await.unwrap();
    // Five minutes and ten seconds ago, without waiting for them.
    sqlx::query(
        "UPDATE workflow.task_time_entries SET start_time = start_time - interval '310 seconds'
         WHERE task_id = $1",
    )
    .bind(task.id)
    .execute(&mut arranging(&pool).await)
    .await
    .unwrap();

    let minutes = app
        .run(
            &cookie,
            StopTimer {
                task_number: number.clone(),
                tapped: None,
            },
        )
        .await
        .unwrap();

    assert_eq!(minutes, 5);
    let stored: (Option<i32>, bool) = sqlx::query_as(
        "SELECT duration_minutes, end_time IS NOT NULL FROM workflow.task_time_entries
         WHERE task_id = $1",
    )
    .bind(task.id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(stored, (Some(5), true));
    let time = app
        .run(
            &cookie,
            GetTaskTime {
                task_number: number,
            },
        )
        .await
        .unwrap();
    assert_eq!(time.totals.actual, 5);
    assert_eq!(
        (time.estimate, time.totals.unestimated),
        (None, 1),
        "a test task has no estimate: its time counts as unestimated"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_start_and_stop_kept_offline_are_recorded_when_tapped_and_once_when_sent_twice(
    pool: PgPool,
) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;
    let (task, number) = task_at(&pool, "912", "ASSEMBLY").await;
    let tapped =
        |minutes_ago: i64| Some((Utc::now() - Duration::minutes(minutes_ago)).to_rfc3339());
    let started = StartTimer {
        tapped: tapped(40),
        ..start(&number)
    };
    let stopped = StopTimer {
        task_number: number.clone(),
        tapped: tapped(10),
    };

    // The tablet's queue sends each twice: the first answers were lost.
    app.run(&cookie, started.clone()).await.unwrap();
    app.run(&cookie, started).await.unwrap();
    let first = app.run(&cookie, stopped.clone()).await.unwrap();
    let again = app.run(&cookie, stopped).await.unwrap();

    assert_eq!((first, again), (30, 30));
    let entries: i64 =
        sqlx::query_scalar("SELECT count(*) FROM workflow.task_time_entries WHERE task_id = $1")
            .bind(task.id)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(entries, 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_timer_tap_kept_longer_than_twelve_hours_is_refused_at_the_timer(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;
    let (_, number) = task_at(&pool, "913", "ASSEMBLY").await;
    let started = StartTimer {
        tapped: Some((Utc::now() - Duration::hours(13)).to_rfc3339()),
        ..start(&number)
    };

    let refused = app.run(&cookie, started).await.unwrap_err();

    assert!(refused.for_field("timer").is_some(), "{refused:?}");
    assert!(entries_of_assembler(&pool).await.is_empty());
}

#[sqlx::test(migrations = "../migrations")]
async fn a_manual_entry_that_overlaps_lies_ahead_or_ends_before_it_starts_is_refused_at_its_field(
    pool: PgPool,
) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;
    let (task, number) = task_at(&pool, "910", "ASSEMBLY").await;
    app.run(&cookie, manual(&number, -180, -120)).await.unwrap();

    for (what, entry, field) in [
        ("overlapping", manual(&number, -150, -90), "start"),
        ("in the future", manual(&number, -30, 30), "end"),
        ("ending before its start", manual(&number, -60, -70), "end"),
    ] {
        let refused = app.run(&cookie, entry).await.unwrap_err();
        assert!(
            matches!(refused, AppError::InvalidFields(_)),
            "{what}: {refused:?}"
        );
        assert!(refused.for_field(field).is_some(), "{what}: {refused:?}");
    }
    let saved: i64 =
        sqlx::query_scalar("SELECT count(*) FROM workflow.task_time_entries WHERE task_id = $1")
            .bind(task.id)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(saved, 1, "only the first entry");
}

#[sqlx::test(migrations = "../migrations")]
async fn two_starts_at_once_by_one_person_leave_one_running_timer(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;
    let (_, first) = task_at(&pool, "910", "ASSEMBLY").await;
    let (_, second) = task_at(&pool, "911", "ASSEMBLY").await;

    let (one, other) = tokio::join!(
        app.run(&cookie, start(&first)),
        app.run(&cookie, start(&second))
    );

    one.unwrap();
    other.unwrap();
    let running = entries_of_assembler(&pool)
        .await
        .into_iter()
        .filter(|(_, running)| *running)
        .count();
    assert_eq!(running, 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn an_assembler_of_another_work_center_and_procurement_are_refused(pool: PgPool) {
    let (app, assembler) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;
    let (_, cutting) = task_at(&pool, "920", "CUTTING").await;
    let (_, assembly) = task_at(&pool, "910", "ASSEMBLY").await;
    let procurement = app
        .sign_in(users::PROCUREMENT, crate::support::demo::PASSWORD)
        .await
        .unwrap();

    for (who, cookie, number) in [
        ("the assembler", &assembler, &cutting),
        ("procurement", &procurement, &assembly),
    ] {
        assert_eq!(
            app.run(cookie, start(number)).await,
            Err(AppError::Forbidden),
            "{who} starting"
        );
        assert_eq!(
            app.run(cookie, manual(number, -120, -60)).await,
            Err(AppError::Forbidden),
            "{who} recording"
        );
    }
    let saved: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM workflow.task_time_entries e JOIN workflow.tasks t ON t.id = e.task_id
         WHERE t.step_code >= '900'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(saved, 0);
}
