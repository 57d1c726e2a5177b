//! The checklist page's target of issue #16 (BENCHMARKS.md "#16 QC"): a
//! checklist of 60 items renders (SSR) quickly enough for a tablet.
//!
//! ```text
//! CHECKLIST_SERVER=http://127.0.0.1:3000 \
//! cargo run --release -p torvan-server --example checklist_load
//! ```
//!
//! `CHECKLIST_PAGES` (50) sequential `GET /qc/<unit>/pre-qc?view=list` of
//! the whole server-rendered HTML on one kept-alive connection, as the QC
//! inspector, after three not counted; every page must show
//! `CHECKLIST_ITEMS` (60) items, so an empty page cannot pass for a fast
//! one. `scripts/bench/checklist` grows the demo checklist and runs the
//! server.

#[allow(dead_code, reason = "board_load posts moves; this reads pages only")]
mod load;

use std::time::Instant;

use load::{Connection, Failure, authority, setting, sign_in, summary};

#[tokio::main]
async fn main() -> Result<(), Failure> {
    let server = authority(&setting("CHECKLIST_SERVER", "http://127.0.0.1:3000"));
    let unit = setting("CHECKLIST_UNIT", "TB-2026-0109-01-1");
    let pages: usize = setting("CHECKLIST_PAGES", "50").parse()?;
    let expected: usize = setting("CHECKLIST_ITEMS", "60").parse()?;
    let cookie = sign_in(&server, "qc@torvan.test", "torvan-demo-2026").await?;
    let mut connection = Connection::open(&server, &cookie).await?;
    let path = format!("/qc/{unit}/pre-qc?view=list");
    let mut timings = Vec::with_capacity(pages);
    let mut size = 0;
    for round in 0..pages + 3 {
        let started = Instant::now();
        let reply = connection.get(&path).await?;
        let took = started.elapsed();
        let items = reply.body.matches(r#"data-testid="qc-item""#).count();
        if reply.status != 200 || items != expected {
            return Err(format!(
                "{path} answered {} with {items} items, not {expected}",
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
        "page {path}: {expected} items, {} KiB of HTML; {} over {pages} renders",
        size / 1024,
        summary(&mut timings)?
    );
    Ok(())
}
