//! The audit viewer over 1.5 million audit entries: the first page and a
//! deep page (half way through the matches, reached by its key as the
//! viewer's "Older entries" link reaches it) of each filter, one after
//! another against `DATABASE_URL`.
//!
//! `DATABASE_URL=… cargo run --release -p torvan-server --example audit_viewer_bench`
//! (against an empty database: it migrates, seeds the demo data and writes
//! the entries; `AUDIT_ROWS` sets how many).

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use sqlx::postgres::PgPoolOptions;
use torvan::audit::{AuditAction, AuditedTable};
use torvan_app::audit::{AuditFilter, PAGE_SIZE, queries::list};

const ROUNDS: usize = 20;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let url = std::env::var("DATABASE_URL").map_err(|_| "DATABASE_URL is not set")?;
    let rows: i64 = std::env::var("AUDIT_ROWS")
        .ok()
        .and_then(|rows| rows.parse().ok())
        .unwrap_or(1_500_000);
    let pool = PgPoolOptions::new()
        .max_connections(2)
        .connect(&url)
        .await?;
    torvan_server::db::migrate(&pool).await?;
    let users: i64 = sqlx::query_scalar("SELECT count(*) FROM auth.users")
        .fetch_one(&pool)
        .await?;
    if users == 0 {
        torvan_server::seed::seed_demo(&pool).await?;
    }
    // Two years of entries: the audited tables in the shares a shop writes
    // them (BOM lines most), the six demo users, mostly updates, and 50
    // entries to each transaction (one `created_at`), as BOM generation
    // writes them. Order ORD-2026-0102 gets every 5,000th entry.
    let started = Instant::now();
    sqlx::raw_sql(&format!(
        "INSERT INTO audit.audit_log (action, resource_type, resource_id, user_id, user_email,
             user_role, old_values, new_values, changed_fields, description, created_at)
         SELECT (ARRAY['UPDATE','UPDATE','UPDATE','CREATE','CREATE','DELETE'])[1 + n % 6]::audit_action,
                CASE WHEN n % 5000 = 0 THEN 'orders' ELSE t.names[1 + (n / 7) % 10] END,
                CASE WHEN n % 5000 = 0 THEN o.id::text ELSE md5(n::text)::uuid::text END,
                u.ids[1 + (n / 50) % 6], u.emails[1 + (n / 50) % 6], u.roles[1 + (n / 50) % 6],
                jsonb_build_object('status', 'DRAFT', 'quantity', n % 40),
                jsonb_build_object('status', 'APPROVED', 'quantity', n % 40 + 1),
                ARRAY['quantity', 'status'], 'generated for the benchmark',
                TIMESTAMPTZ '2024-11-30' + (n / 50) * (INTERVAL '2 years' / ({rows} / 50))
         FROM generate_series(1, {rows}) AS n,
              (SELECT ARRAY['bom_items','bom_items','bom_items','bom_items','orders',
                            'order_sink_configurations','boms','parts','customers',
                            'order_line_items'] AS names) t,
              (SELECT array_agg(id ORDER BY email) AS ids, array_agg(email ORDER BY email) AS emails,
                      array_agg(role ORDER BY email) AS roles FROM auth.users) u,
              (SELECT id FROM orders.orders WHERE order_number = 'ORD-2026-0102') o"
    ))
    .execute(&pool)
    .await?;
    // What autovacuum would have done on a live database.
    sqlx::raw_sql("VACUUM ANALYZE audit.audit_log")
        .execute(&pool)
        .await?;
    let total: i64 = sqlx::query_scalar("SELECT count(*) FROM audit.audit_log")
        .fetch_one(&pool)
        .await?;
    println!(
        "{total} audit entries ({rows} written in {:?})",
        started.elapsed()
    );

    let day = |text: &str| text.parse::<NaiveDate>().ok();
    let filters = [
        ("everything", AuditFilter::default()),
        (
            "a table (orders)",
            AuditFilter {
                table: Some(AuditedTable::Orders),
                ..AuditFilter::default()
            },
        ),
        (
            "a record (ORD-2026-0102)",
            AuditFilter {
                table: Some(AuditedTable::Orders),
                record: "ORD-2026-0102".into(),
                ..AuditFilter::default()
            },
        ),
        (
            "a user",
            AuditFilter {
                user: "assembler@torvan.test".into(),
                ..AuditFilter::default()
            },
        ),
        (
            "an action (DELETE)",
            AuditFilter {
                action: Some(AuditAction::Delete),
                ..AuditFilter::default()
            },
        ),
        (
            "a month",
            AuditFilter {
                from: day("2025-06-01"),
                to: day("2025-06-30"),
                ..AuditFilter::default()
            },
        ),
        (
            "table, user, action and a month",
            AuditFilter {
                table: Some(AuditedTable::Parts),
                user: "qc@torvan.test".into(),
                action: Some(AuditAction::Update),
                from: day("2025-06-01"),
                to: day("2025-06-30"),
                ..AuditFilter::default()
            },
        ),
    ];
    let mut conn = pool.acquire().await?;
    println!("| filter | matches | first page p50 / max | deep page p50 / max |");
    println!("| --- | --- | --- | --- |");
    for (name, filter) in filters {
        // The deep page starts half way through the matches, found once by
        // walking the pages (10,000 entries each) the way the viewer's link does.
        let (matches, deep) = half_way(&mut conn, &filter).await?;
        let first = time(&mut conn, &filter).await?;
        let deep = time(&mut conn, &deep).await?;
        println!("| {name} | {matches} | {first} | {deep} |");
    }
    Ok(())
}

/// How many entries `filter` matches, and the filter from the page
/// boundary nearest half way through them.
async fn half_way(
    conn: &mut sqlx::PgConnection,
    filter: &AuditFilter,
) -> Result<(usize, AuditFilter), Box<dyn std::error::Error>> {
    let mut boundaries = Vec::new();
    let mut matches = 0;
    let mut walk = filter.clone();
    loop {
        let page = list(conn, &walk, 10_000).await?;
        matches += page.entries.len();
        if let Some(last) = page.entries.last() {
            boundaries.push((matches, last.id));
        }
        match page.older {
            Some(after) => walk.after = Some(after),
            None => break,
        }
    }
    let after = boundaries
        .iter()
        .min_by_key(|(seen, _)| seen.abs_diff(matches / 2))
        .map(|&(_, id)| id);
    Ok((
        matches,
        AuditFilter {
            after,
            ..filter.clone()
        },
    ))
}

/// p50 and max of `ROUNDS` reads of one page.
async fn time(
    conn: &mut sqlx::PgConnection,
    filter: &AuditFilter,
) -> Result<String, Box<dyn std::error::Error>> {
    let mut latencies: Vec<Duration> = Vec::new();
    for _ in 0..ROUNDS {
        let started = Instant::now();
        let page = list(conn, filter, PAGE_SIZE).await?;
        latencies.push(started.elapsed());
        assert!(page.entries.len() as i64 <= PAGE_SIZE);
    }
    latencies.sort();
    let ms = |duration: Duration| duration.as_secs_f64() * 1000.0;
    Ok(format!(
        "{:.1} ms / {:.1} ms",
        ms(latencies[latencies.len() / 2]),
        ms(latencies[latencies.len() - 1])
    ))
}
