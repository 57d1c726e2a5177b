//! The boards' live channel end to end: a task row changed in another
//! transaction reaches a signed-in reader's stream within a second, on
//! every app server over the same database; a statement that changes many
//! tasks is one event per work center; a timer changes its task's card;
//! filters keep other boards' events out; a listener that lost its
//! connection tells its boards to resync; who may not read tasks gets no
//! stream, and the check an open stream makes every minute sees a session
//! that ended.

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use sqlx::PgPool;
use torvan_app::auth::{SignOut, sessions};
use torvan_app::live::TASKS_PATH;
use tower::ServiceExt;

use crate::support::demo::{orders, users};
use crate::support::shop_floor::{self, Task, touch};
use crate::support::{TestApp, arranging, refusal};
use torvan_app::error::AppError;

/// What the issue asks of a board: a change shows within a second.
const WITHIN: Duration = Duration::from_secs(1);

/// The first unit of the order in production, whose tasks most tests use,
/// and the rush order's unit.
const IN_PRODUCTION_UNIT: &str = "TB-2026-0110-01-1";

fn rush_unit() -> String {
    format!("{}-1", orders::RUSH_WITH_CUSTOM_PART_BUILD)
}

/// One event as a board reads it.
#[derive(Debug)]
struct Heard {
    name: String,
    data: String,
}

impl Heard {
    fn change(&self) -> Value {
        assert_eq!(self.name, "task", "{self:?}");
        serde_json::from_str(&self.data).unwrap()
    }
}

/// An open stream, read event by event.
struct Stream {
    body: Body,
    pending: String,
}

impl Stream {
    async fn open(app: &TestApp, cookie: &str, query: &str) -> Self {
        let request = Request::get(format!("{TASKS_PATH}{query}"))
            .header("cookie", cookie)
            .header("accept", "text/event-stream")
            .header("accept-encoding", "gzip")
            .body(Body::empty())
            .unwrap();
        let response = app.router.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let headers = response.headers();
        assert_eq!(headers["content-type"], "text/event-stream");
        // Compressed, events would wait in the encoder's buffer.
        assert!(headers.get("content-encoding").is_none(), "{headers:?}");
        Self {
            body: response.into_body(),
            pending: String::new(),
        }
    }

    /// The next event within `within`, past keep-alive comments; `None`
    /// when none came.
    async fn next(&mut self, within: Duration) -> Option<Heard> {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            if let Some(end) = self.pending.find("\n\n") {
                let block: String = self.pending.drain(..end + 2).collect();
                if let Some(heard) = parse(&block) {
                    return Some(heard);
                }
                continue;
            }
            let frame = tokio::time::timeout_at(deadline, self.body.frame())
                .await
                .ok()?;
            let frame = frame.expect("the stream ended").unwrap();
            if let Ok(data) = frame.into_data() {
                self.pending.push_str(std::str::from_utf8(&data).unwrap());
            }
        }
    }

    async fn next_change(&mut self) -> Value {
        self.next(WITHIN)
            .await
            .expect("no event within a second")
            .change()
    }
}

fn parse(block: &str) -> Option<Heard> {
    let mut name = None;
    let mut data = String::new();
    for line in block.lines() {
        if let Some(value) = line.strip_prefix("event:") {
            name = Some(value.trim().to_owned());
        } else if let Some(value) = line.strip_prefix("data:") {
            data.push_str(value.trim_start());
        }
    }
    Some(Heard { name: name?, data })
}

async fn assembler(pool: &PgPool) -> (TestApp, String) {
    TestApp::demo_signed_in(pool, users::ASSEMBLER).await
}

#[sqlx::test(migrations = "../migrations")]
async fn a_reader_hears_a_task_changed_in_another_transaction_within_a_second(pool: PgPool) {
    let (app, cookie) = assembler(&pool).await;
    let task = shop_floor::task(&pool, IN_PRODUCTION_UNIT, "910", "WELDING").await;
    let mut stream = Stream::open(&app, &cookie, "").await;

    touch(&pool, task.id).await;

    let change = stream.next_change().await;
    assert_eq!(change["task"], task.id.to_string());
    assert_eq!(change["work_center"], "WELDING");
    assert_eq!(change["order"], task.order.to_string());
    assert_eq!(change["build"], task.build.to_string());
    assert_eq!(change["version"], 2);
    assert_eq!(change["tasks"], 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn two_app_servers_on_one_database_both_hear_a_change(pool: PgPool) {
    let (first, cookie) = assembler(&pool).await;
    // The second server knows the session from the database alone.
    let second = TestApp::new(pool.clone()).await;
    let task = shop_floor::task(&pool, IN_PRODUCTION_UNIT, "910", "WELDING").await;
    let mut on_first = Stream::open(&first, &cookie, "").await;
    let mut on_second = Stream::open(&second, &cookie, "").await;

    touch(&pool, task.id).await;

    assert_eq!(on_first.next_change().await["task"], task.id.to_string());
    assert_eq!(on_second.next_change().await["task"], task.id.to_string());
}

#[sqlx::test(migrations = "../migrations")]
async fn a_statement_changing_many_tasks_is_one_event_per_work_center(pool: PgPool) {
    let (app, cookie) = assembler(&pool).await;
    let build = IN_PRODUCTION_UNIT;
    let first = shop_floor::task(&pool, build, "910", "WELDING").await;
    shop_floor::task(&pool, build, "920", "WELDING").await;
    shop_floor::task(&pool, build, "930", "CUTTING").await;
    let mut stream = Stream::open(&app, &cookie, "").await;

    sqlx::query("UPDATE workflow.tasks SET version = version + 1 WHERE build_id = $1 AND step_code >= '900'")
        .bind(first.build)
        .execute(&mut arranging(&pool).await)
        .await
        .unwrap();

    let mut heard = [stream.next_change().await, stream.next_change().await];
    heard.sort_by_key(|change| change["work_center"].as_str().unwrap().to_owned());
    assert_eq!(heard[0]["work_center"], "CUTTING");
    assert_eq!(heard[0]["tasks"], 1);
    assert_eq!(heard[1]["work_center"], "WELDING");
    assert_eq!(heard[1]["tasks"], 2);
    // Several tasks: the board refetches rather than patch one card.
    assert_eq!(heard[1]["task"], Value::Null);
    assert_eq!(heard[1]["build"], first.build.to_string());
    assert!(stream.next(Duration::from_millis(300)).await.is_none());
}

#[sqlx::test(migrations = "../migrations")]
async fn a_started_timer_changes_its_tasks_card(pool: PgPool) {
    let (app, cookie) = assembler(&pool).await;
    let task = shop_floor::task(&pool, IN_PRODUCTION_UNIT, "910", "ASSEMBLY").await;
    let mut stream = Stream::open(&app, &cookie, "").await;

    sqlx::query(
        "INSERT INTO workflow.task_time_entries (task_id, user_id, start_time, activity_type)
         VALUES ($1, $2, now(), 'WORK')",
    )
    .bind(task.id)
    .bind(users::ASSEMBLER_ID)
    .execute(&mut arranging(&pool).await)
    .await
    .unwrap();

    let change = stream.next_change().await;
    assert_eq!(change["task"], task.id.to_string());
    assert_eq!(change["work_center"], "ASSEMBLY");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_work_center_board_hears_nothing_of_other_work_centers(pool: PgPool) {
    let (app, cookie) = assembler(&pool).await;
    let cutting = shop_floor::task(&pool, IN_PRODUCTION_UNIT, "910", "CUTTING").await;
    let welding = shop_floor::task(&pool, IN_PRODUCTION_UNIT, "920", "WELDING").await;
    let mut stream = Stream::open(&app, &cookie, "?work_center=WELDING").await;

    touch(&pool, cutting.id).await;
    touch(&pool, welding.id).await;

    assert_eq!(stream.next_change().await["task"], welding.id.to_string());
}

#[sqlx::test(migrations = "../migrations")]
async fn an_order_board_hears_nothing_of_other_orders(pool: PgPool) {
    let (app, cookie) = assembler(&pool).await;
    let other: Task = shop_floor::task(&pool, &rush_unit(), "990", "WELDING").await;
    let mine = shop_floor::task(&pool, IN_PRODUCTION_UNIT, "910", "WELDING").await;
    let mut stream = Stream::open(&app, &cookie, &format!("?order={}", mine.order)).await;

    touch(&pool, other.id).await;
    touch(&pool, mine.id).await;

    assert_eq!(stream.next_change().await["task"], mine.id.to_string());
}

#[sqlx::test(migrations = "../migrations")]
async fn a_listener_that_lost_its_connection_tells_its_boards_to_resync(pool: PgPool) {
    let (app, cookie) = assembler(&pool).await;
    let task = shop_floor::task(&pool, IN_PRODUCTION_UNIT, "910", "WELDING").await;
    let mut stream = Stream::open(&app, &cookie, "").await;

    let terminated: bool = sqlx::query_scalar(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND query LIKE 'LISTEN%'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(terminated);

    let heard = stream
        .next(Duration::from_secs(3))
        .await
        .expect("no resync");
    assert_eq!(heard.name, "resync");
    // And it listens again.
    touch(&pool, task.id).await;
    assert_eq!(stream.next_change().await["task"], task.id.to_string());
}

#[sqlx::test(migrations = "../migrations")]
async fn nobody_signed_out_gets_a_stream(pool: PgPool) {
    let app = TestApp::new(pool).await;
    let reply = app.get(TASKS_PATH, None).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(refusal(&reply), Some(AppError::Unauthorized));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_filter_naming_no_work_center_is_refused(pool: PgPool) {
    let (app, cookie) = assembler(&pool).await;
    for query in ["?work_center=welding%201", "?order=ORD-2026-0112"] {
        let reply = app
            .get(&format!("{TASKS_PATH}{query}"), Some(&cookie))
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{query}");
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_streams_session_check_sees_a_signed_out_session_end(pool: PgPool) {
    let (app, cookie) = assembler(&pool).await;
    let session: uuid::Uuid =
        sqlx::query_scalar("SELECT id FROM auth.user_sessions WHERE user_id = $1 AND is_active")
            .bind(users::ASSEMBLER_ID)
            .fetch_one(&pool)
            .await
            .unwrap();
    let policy = crate::support::auth_settings().sessions;
    let role = |pool: PgPool| async move {
        let mut conn = pool.acquire().await.unwrap();
        sessions::role_while_active(&mut conn, session, &policy, chrono::Utc::now())
            .await
            .unwrap()
    };
    assert_eq!(role(pool.clone()).await, Some(torvan::Role::Assembler));

    app.run(&cookie, SignOut {}).await.unwrap();

    assert_eq!(role(pool.clone()).await, None);
}
