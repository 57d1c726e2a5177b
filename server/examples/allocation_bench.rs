//! Allocations per second on one hot part: many clients allocating one unit
//! each, in their own transactions, against `DATABASE_URL`.
//!
//! `cargo run --release -p torvan-server --example allocation_bench`
//! (scripts/bench/run runs it against a fresh database).

use std::time::{Duration, Instant};

use sqlx::postgres::PgPoolOptions;
use torvan::SystemActor;
use torvan::stock::{Movement, Quantity};
use torvan_app::db::begin_system;
use torvan_app::inventory::stock::{Reference, Trace, apply};

const SECONDS: u64 = 10;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let url = std::env::var("DATABASE_URL").map_err(|_| "DATABASE_URL is not set")?;
    let clients: usize = std::env::var("BENCH_CLIENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(8);
    let pool = PgPoolOptions::new()
        .max_connections(clients as u32)
        .connect(&url)
        .await?;
    torvan_server::db::migrate(&pool).await?;
    // The benchmark's writes name an actor, as the audit trigger requires:
    // the demo seed's, whose kind of data they are.
    let mut tx = begin_system(&pool, SystemActor::SeedDemo).await?;
    let part: uuid::Uuid = sqlx::query_scalar(
        "INSERT INTO inventory.parts (part_number, name, quantity_on_hand)
         VALUES ('BENCH-' || gen_random_uuid(), 'Benchmark hot part', 100000000) RETURNING id",
    )
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;

    let one = Quantity::new(1)?;
    let deadline = Instant::now() + Duration::from_secs(SECONDS);
    let tasks: Vec<_> = (0..clients)
        .map(|_| {
            let pool = pool.clone();
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                while Instant::now() < deadline {
                    let started = Instant::now();
                    let mut tx = begin_system(&pool, SystemActor::SeedDemo)
                        .await
                        .expect("a connection");
                    let reference = Reference {
                        kind: "BENCH",
                        id: "hot",
                    };
                    apply(
                        &mut tx,
                        part,
                        Movement::Allocate(one),
                        Trace::default(),
                        Some(reference),
                        None,
                        None,
                    )
                    .await
                    .expect("stock enough for the whole run");
                    tx.commit().await.expect("commit");
                    latencies.push(started.elapsed());
                }
                latencies
            })
        })
        .collect();
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await?);
    }
    latencies.sort();
    let percentile =
        |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)];
    println!(
        "allocations: {} in {SECONDS} s = {:.0}/s with {clients} clients; latency p50 {:?}, p99 {:?}",
        latencies.len(),
        latencies.len() as f64 / SECONDS as f64,
        percentile(0.50),
        percentile(0.99),
    );
    Ok(())
}
