//! Part search over 100,000 parts: latency of typical searches (words,
//! number prefixes, filters), run one after another against `DATABASE_URL`.
//!
//! `cargo run --release -p torvan-server --example search_bench`
//! (scripts/bench/run runs it against a fresh database).

use std::time::{Duration, Instant};

use sqlx::postgres::PgPoolOptions;
use torvan::{StockStatus, SystemActor};
use torvan_app::db::begin_system;
use torvan_app::inventory::{PartSearch, search::search};

const PARTS: i64 = 100_000;
const ROUNDS: usize = 50;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let url = std::env::var("DATABASE_URL").map_err(|_| "DATABASE_URL is not set")?;
    let pool = PgPoolOptions::new()
        .max_connections(2)
        .connect(&url)
        .await?;
    torvan_server::db::migrate(&pool).await?;
    // Written as the demo seed (the audit trigger refuses a change that
    // names nobody). Deterministic names and descriptions from a small shop vocabulary.
    let mut tx = begin_system(&pool, SystemActor::SeedDemo).await?;
    sqlx::raw_sql(&format!(
        "INSERT INTO inventory.parts (part_number, name, description, quantity_on_hand,
                                      reorder_point, make_or_buy)
         SELECT 'B' || lpad(n::text, 6, '0'),
                w1[1 + n % 19] || ' ' || w2[1 + (n / 19) % 17] || ' ' || (10 + n % 90) || ' mm',
                'For ' || w3[1 + (n / 7) % 13] || ' assemblies; ' || w2[1 + n % 17] || ' finish',
                n % 40, 10, CASE WHEN n % 5 = 0 THEN 'M' ELSE 'B' END
         FROM generate_series(1, {PARTS}) AS n,
              (SELECT ARRAY['drain','valve','basin','bracket','gasket','faucet','sensor','hinge',
                            'panel','screw','washer','trap','strainer','spout','column','pump',
                            'hose','clamp','bolt'] AS w1,
                      ARRAY['stainless','brass','polished','brushed','electropolished','nickel',
                            'chrome','316L','304','nylon','rubber','silicone','PVDF','ABS','zinc',
                            'copper','galvanised'] AS w2,
                      ARRAY['scrub','endoscope','decontamination','laboratory','pegboard','leg',
                            'lift','plumbing','electrical','frame','deck','crate','label'] AS w3) AS vocab
         ON CONFLICT (part_number) DO NOTHING;
         ANALYZE inventory.parts;"
    ))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;

    let searches = [
        PartSearch {
            text: "drain valve".into(),
            ..Default::default()
        },
        PartSearch {
            text: "electropolished basin".into(),
            ..Default::default()
        },
        PartSearch {
            text: "gasket silicone endoscope".into(),
            ..Default::default()
        },
        PartSearch {
            text: "B0123".into(),
            ..Default::default()
        },
        PartSearch {
            text: "B09".into(),
            ..Default::default()
        },
        PartSearch {
            text: "hinge".into(),
            stock_status: Some(StockStatus::LowStock),
            ..Default::default()
        },
        PartSearch {
            text: String::new(),
            page: 40,
            ..Default::default()
        },
    ];
    let mut latencies: Vec<Duration> = Vec::new();
    let mut conn = pool.acquire().await?;
    for _ in 0..ROUNDS {
        for query in &searches {
            let query = PartSearch {
                page_size: 50,
                ..query.clone()
            };
            let started = Instant::now();
            let page = search(&mut conn, &query).await?;
            latencies.push(started.elapsed());
            assert!(page.total >= page.hits.len() as i64);
        }
    }
    latencies.sort();
    let at = |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)];
    println!(
        "part search over {PARTS} parts: {} searches, p50 {:?}, p99 {:?}, max {:?}",
        latencies.len(),
        at(0.50),
        at(0.99),
        latencies.last().copied().unwrap_or_default(),
    );
    Ok(())
}
