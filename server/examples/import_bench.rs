//! The parts CSV import against `DATABASE_URL` (50,000 rows unless a count
//! is given): the check in the page's slices of 250, the all-or-nothing
//! apply of the file as the browser posts it (new parts), and a re-import of
//! the same file (every row unchanged). `scripts/bench/import` measures the
//! same through HTTP.
//!
//! `cargo run --release -p torvan-server --example import_bench [ROWS]`

use std::time::Instant;

use sqlx::postgres::PgPoolOptions;
use torvan_app::db::begin_acting;
use torvan_app::inventory::transfer::import::{apply_file, check};
use torvan_app::inventory::transfer::{ImportOutcome, ImportRow};
use uuid::Uuid;

const SLICE: usize = 250;
const ADMIN: Uuid = Uuid::from_u128(0x00000000_0000_4000_a000_000000000001);

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rows: usize = match std::env::args().nth(1) {
        Some(count) => count.parse()?,
        None => 50_000,
    };
    let url = std::env::var("DATABASE_URL").map_err(|_| "DATABASE_URL is not set")?;
    let pool = PgPoolOptions::new()
        .max_connections(2)
        .connect(&url)
        .await?;
    torvan_server::db::migrate(&pool).await?;
    torvan_server::seed::seed_demo(&pool).await?;
    let run = Uuid::new_v4().simple().to_string()[..6].to_uppercase();

    let header: Vec<String> = [
        "part_number",
        "name",
        "hierarchy_path",
        "standard_cost",
        "reorder_point",
        "vendor_code",
    ]
    .map(String::from)
    .to_vec();
    let rows: Vec<ImportRow> = (0..rows)
        .map(|n| ImportRow {
            line: n + 2,
            fields: vec![
                format!("IMP-{run}-{n:05}"),
                format!("Imported bracket {n}"),
                "FRAMES > ASM-120 > SUB-121".into(),
                format!("{}.{:02}", n % 500, n % 100),
                (n % 20).to_string(),
                "NORTHSTEEL".into(),
            ],
        })
        .collect();

    let started = Instant::now();
    let mut conn = pool.acquire().await?;
    let mut problems = 0;
    for slice in rows.chunks(SLICE) {
        problems += check(&mut conn, &header, slice).await?.problems.len();
    }
    drop(conn);
    println!(
        "check {} rows in slices of {SLICE}: {:?} ({problems} problems)",
        rows.len(),
        started.elapsed()
    );
    let file = std::iter::once(header.join(","))
        .chain(rows.iter().map(|row| row.fields.join(",")))
        .collect::<Vec<_>>()
        .join("\r\n");

    for label in ["apply (all new)", "re-import (all unchanged)"] {
        let started = Instant::now();
        let mut tx = begin_acting(&pool, ADMIN, None).await?;
        let outcome = apply_file(&mut tx, &file, ADMIN).await?;
        tx.commit().await?;
        let ImportOutcome::Imported {
            created,
            updated,
            unchanged,
        } = outcome
        else {
            return Err("the generated file was refused".into());
        };
        println!(
            "{label}: {:?} (created {created}, updated {updated}, unchanged {unchanged})",
            started.elapsed()
        );
    }
    Ok(())
}
