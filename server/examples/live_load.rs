//! Load on the boards' live channel (issue #15, BENCHMARKS.md "#15 live
//! boards"): signs in once, opens `LIVE_BOARDS` (200) streams of one work
//! center's board spread over the servers of `LIVE_SERVERS`, changes a task
//! `LIVE_ROUNDS` (50) times, and measures for every board and change the
//! time from the commit to the event's arrival: p50, p99, max, and how
//! many boards missed a change.
//!
//! ```text
//! LIVE_SERVERS=http://127.0.0.1:3000[,http://127.0.0.1:3001] \
//! DATABASE_URL=postgres://…  LIVE_TASK=TB-2026-0110-01-1-999 \
//! cargo run --release -p torvan-server --example live_load
//! ```
//!
//! A change is made by `Change`; the one here raises the task's version
//! in a transaction of its own through `DATABASE_URL`, as a move will (the
//! statement the move's server function runs). Another way to change a
//! task (the move itself, over HTTP) is another `Change`. The clock starts
//! when the commit is sent: PostgreSQL notifies as it commits.
//! `scripts/bench/live-boards` makes the task and runs the servers.

#[allow(dead_code, reason = "board_load uses the kept-alive requests")]
mod load;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use load::{Failure, authority, setting, sign_in, summary};
use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::sync::mpsc;
use torvan::SystemActor;
use torvan_app::db::begin_system;
use torvan_app::live::TaskChange;

/// A change to the watched task; when its commit was sent, and the version
/// the boards will hear.
trait Change {
    async fn make(&mut self) -> Result<(Instant, i32), Failure>;
}

/// `UPDATE workflow.tasks SET version = version + 1`, as the demo seed.
struct DirectUpdate {
    pool: PgPool,
    task_number: String,
}

impl Change for DirectUpdate {
    async fn make(&mut self) -> Result<(Instant, i32), Failure> {
        let mut tx = begin_system(&self.pool, SystemActor::SeedDemo).await?;
        let version: i32 = sqlx::query_scalar(
            "UPDATE workflow.tasks SET version = version + 1 WHERE task_number = $1 RETURNING version",
        )
        .bind(&self.task_number)
        .fetch_one(&mut *tx)
        .await?;
        let sent = Instant::now();
        tx.commit().await?;
        Ok((sent, version))
    }
}

/// What a board tells the measurer.
enum Heard {
    Open,
    Change { version: i32, at: Instant },
}

#[tokio::main]
async fn main() -> Result<(), Failure> {
    let servers: Vec<String> = setting("LIVE_SERVERS", "http://127.0.0.1:3000")
        .split(',')
        .map(authority)
        .collect();
    let boards: usize = setting("LIVE_BOARDS", "200").parse()?;
    let rounds: usize = setting("LIVE_ROUNDS", "50").parse()?;
    let pause = Duration::from_millis(setting("LIVE_PAUSE_MS", "200").parse()?);
    let work_center = setting("LIVE_WORK_CENTER", "WELDING");
    let mut change = DirectUpdate {
        pool: PgPoolOptions::new()
            .max_connections(1)
            .connect(&std::env::var("DATABASE_URL").map_err(|_| "DATABASE_URL is not set")?)
            .await?,
        task_number: setting("LIVE_TASK", "TB-2026-0110-01-1-999"),
    };

    let cookie = sign_in(&servers[0], "assembler@torvan.test", "torvan-demo-2026").await?;
    let (heard, mut hearing) = mpsc::unbounded_channel();
    let path = format!("/api/live/tasks?work_center={work_center}");
    for board in 0..boards {
        let (server, cookie, path) = (
            servers[board % servers.len()].clone(),
            cookie.clone(),
            path.clone(),
        );
        let heard = heard.clone();
        tokio::spawn(async move {
            if let Err(error) = watch(&server, &cookie, &path, board, heard).await {
                eprintln!("board {board}: {error}");
            }
        });
    }
    drop(heard);
    let mut open = 0;
    while open < boards {
        match tokio::time::timeout(Duration::from_secs(30), hearing.recv()).await {
            Ok(Some((_, Heard::Open))) => open += 1,
            Ok(Some(_)) => {}
            _ => return Err(format!("only {open} of {boards} boards opened").into()),
        }
    }
    println!(
        "{boards} boards open on {} server(s); {rounds} changes, one every {pause:?}",
        servers.len()
    );

    let mut committed: HashMap<i32, Instant> = HashMap::new();
    for _ in 0..rounds {
        let (sent, version) = change.make().await?;
        committed.insert(version, sent);
        tokio::time::sleep(pause).await;
    }
    // Stragglers get two seconds more; anything later counts as missed.
    let mut received: HashMap<(usize, i32), Instant> = HashMap::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(2);
    while let Ok(Some((board, heard))) = tokio::time::timeout_at(deadline, hearing.recv()).await {
        if let Heard::Change { version, at } = heard {
            received.entry((board, version)).or_insert(at);
        }
    }

    let mut latencies = Vec::new();
    let mut missing_boards = 0;
    let mut missed = 0;
    for board in 0..boards {
        let before = missed;
        for (version, sent) in &committed {
            match received.get(&(board, *version)) {
                Some(at) => latencies.push(at.saturating_duration_since(*sent)),
                None => missed += 1,
            }
        }
        missing_boards += usize::from(missed > before);
    }
    if latencies.is_empty() {
        return Err("no board heard any change".into());
    }
    println!(
        "commit to board: {} over {} deliveries; \
         {missed} missed, {missing_boards} of {boards} boards missed one or more",
        summary(&mut latencies)?,
        latencies.len(),
    );
    Ok(())
}

/// One board: opens the stream and reports each change as it arrives.
async fn watch(
    server: &str,
    cookie: &str,
    path: &str,
    board: usize,
    heard: mpsc::UnboundedSender<(usize, Heard)>,
) -> Result<(), Failure> {
    let mut stream = TcpStream::connect(server).await?;
    stream.set_nodelay(true)?;
    stream
        .write_all(
            format!(
                "GET {path} HTTP/1.1\r\nHost: {server}\r\nCookie: {cookie}\r\n\
                 Accept: text/event-stream\r\n\r\n"
            )
            .as_bytes(),
        )
        .await?;
    let mut lines = BufReader::new(stream).lines();
    let status = lines.next_line().await?.unwrap_or_default();
    if !status.contains(" 200 ") {
        return Err(format!("stream refused: {status}").into());
    }
    heard.send((board, Heard::Open))?;
    // Each event arrives in a chunk of its own: its `data:` line is whole.
    while let Some(line) = lines.next_line().await? {
        if let Some(data) = line.strip_prefix("data: ") {
            let at = Instant::now();
            if let Ok(change) = serde_json::from_str::<TaskChange>(data)
                && let Some(version) = change.version
            {
                heard.send((board, Heard::Change { version, at }))?;
            }
        }
    }
    Err("the stream ended".into())
}
