//! The boards' two targets of issue #15 (BENCHMARKS.md "#15 boards"): a
//! work-center board of 500 cards renders (SSR) in under 100 ms, and a
//! move's round trip stays under 50 ms (p99) with 20 people moving at once.
//!
//! ```text
//! BOARD_SERVER=http://127.0.0.1:3000 DATABASE_URL=postgres://… \
//! cargo run --release -p torvan-server --example board_load
//! ```
//!
//! First the page: `BOARD_PAGES` (50) sequential `GET /boards/<WC>` of the
//! whole server-rendered HTML, after three not counted; every page must
//! hold `BOARD_CARDS` (500) cards, so an empty board cannot pass for a
//! fast one. Then the moves: `BOARD_MOVERS` (20) connections, each with
//! its own share of the board's pending cards that wait on no other task,
//! move them PENDING → IN_PROGRESS → PENDING … through `POST
//! /api/tasks/move` for `BOARD_MOVE_SECONDS` (20), each move from the
//! version the previous answer gave, each mover waiting
//! `BOARD_MOVE_PAUSE_MS` (0: none, the machine's limit) between its moves
//! as a person's pace would. A refused move is an error; the run
//! fails unless there are none. The cards are read from `DATABASE_URL`;
//! the requests are the production coordinator's, who may move any card.
//! `scripts/bench/boards` makes the cards and runs the server.

mod load;

use std::time::{Duration, Instant};

use load::{Connection, Failure, authority, setting, sign_in, summary};
use sqlx::postgres::PgPoolOptions;

/// A card a mover owns, as its last answer left it.
struct Card {
    number: String,
    version: i32,
    in_progress: bool,
}

/// What one mover did.
#[derive(Default)]
struct Moved {
    timings: Vec<Duration>,
    refused: Vec<String>,
}

#[tokio::main]
async fn main() -> Result<(), Failure> {
    let server = authority(&setting("BOARD_SERVER", "http://127.0.0.1:3000"));
    let work_center = setting("BOARD_WORK_CENTER", "WELDING");
    let pages: usize = setting("BOARD_PAGES", "50").parse()?;
    let expected: usize = setting("BOARD_CARDS", "500").parse()?;
    let movers: usize = setting("BOARD_MOVERS", "20").parse()?;
    let seconds: u64 = setting("BOARD_MOVE_SECONDS", "20").parse()?;
    let pause = Duration::from_millis(setting("BOARD_MOVE_PAUSE_MS", "0").parse()?);
    let cookie = sign_in(&server, "coordinator@torvan.test", "torvan-demo-2026").await?;

    let mut page = Connection::open(&server, &cookie).await?;
    let path = format!("/boards/{work_center}");
    let mut timings = Vec::with_capacity(pages);
    let mut size = 0;
    for round in 0..pages + 3 {
        let started = Instant::now();
        let reply = page.get(&path).await?;
        let took = started.elapsed();
        let cards = reply.body.matches(r#"data-testid="task-card""#).count();
        if reply.status != 200 || cards != expected {
            return Err(format!(
                "{path} answered {} with {cards} cards, not {expected}",
                reply.status
            )
            .into());
        }
        size = reply.body.len();
        // The first three warm the server's and the database's caches.
        if round >= 3 {
            timings.push(took);
        }
    }
    println!(
        "page {path}: {expected} cards, {} KiB of HTML; {} over {pages} renders",
        size / 1024,
        summary(&mut timings)?
    );

    let pool = PgPoolOptions::new()
        .max_connections(1)
        .connect(&std::env::var("DATABASE_URL").map_err(|_| "DATABASE_URL is not set")?)
        .await?;
    let free: Vec<(String, i32)> = sqlx::query_as(
        "SELECT task_number, version FROM workflow.tasks t
         WHERE work_center = $1 AND status = 'PENDING'
           AND NOT EXISTS (SELECT 1 FROM workflow.task_dependencies d
                           WHERE d.successor_task_id = t.id)
         ORDER BY task_number",
    )
    .bind(&work_center)
    .fetch_all(&pool)
    .await?;
    if free.len() < movers {
        return Err(format!("{} free cards for {movers} movers", free.len()).into());
    }
    let mut shares: Vec<Vec<Card>> = (0..movers).map(|_| Vec::new()).collect();
    for (index, (number, version)) in free.into_iter().enumerate() {
        shares[index % movers].push(Card {
            number,
            version,
            in_progress: false,
        });
    }
    let until = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut running = Vec::new();
    for cards in shares {
        let (server, cookie) = (server.clone(), cookie.clone());
        running.push(tokio::spawn(async move {
            mover(&server, &cookie, cards, pause, until).await
        }));
    }
    let mut timings = Vec::new();
    let mut refused = Vec::new();
    for mover in running {
        let moved = mover.await??;
        timings.extend(moved.timings);
        refused.extend(moved.refused);
    }
    let elapsed = started.elapsed();
    if let Some(first) = refused.first() {
        return Err(format!("{} moves refused, the first: {first}", refused.len()).into());
    }
    println!(
        "moves: {movers} movers, {pause:?} between a mover's moves, for {seconds} s: {} moves ({:.0}/s); {}; none refused",
        timings.len(),
        timings.len() as f64 / elapsed.as_secs_f64(),
        summary(&mut timings)?,
    );
    Ok(())
}

/// Moves `cards` in turn, `pause` apart, until `until`; a refused card is
/// left where it is.
async fn mover(
    server: &str,
    cookie: &str,
    mut cards: Vec<Card>,
    pause: Duration,
    until: Instant,
) -> Result<Moved, Failure> {
    let mut connection = Connection::open(server, cookie).await?;
    let mut moved = Moved::default();
    let mut next = 0;
    while Instant::now() < until && !cards.is_empty() {
        next %= cards.len();
        let card = &mut cards[next];
        let to = if card.in_progress {
            "PENDING"
        } else {
            "IN_PROGRESS"
        };
        let form = format!(
            "task_number={}&to={to}&version={}",
            card.number, card.version
        );
        let started = Instant::now();
        let reply = connection.post("/api/tasks/move", &form).await?;
        let took = started.elapsed();
        match reply.body.trim().parse() {
            Ok(version) if reply.status == 200 => {
                moved.timings.push(took);
                card.version = version;
                card.in_progress = !card.in_progress;
                next += 1;
                tokio::time::sleep(pause).await;
            }
            _ => {
                moved
                    .refused
                    .push(format!("{} {}: {}", card.number, reply.status, reply.body));
                cards.remove(next);
            }
        }
    }
    Ok(moved)
}
