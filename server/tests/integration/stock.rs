//! The stock ledger and the allocation service against real PostgreSQL:
//! movements and their ledger rows commit together, the ledger cannot be
//! rewritten, and concurrent allocations never oversell.

use std::sync::Arc;

use sqlx::PgPool;
use torvan::DbEnum;
use torvan::SystemActor;
use torvan::stock::{Movement, MovementKind, Quantity, StockLevel, StockProblem};
use torvan_app::db::begin_system;
use torvan_app::inventory::stock::{
    AllocationMode, AllocationReport, Reference, StockError, Trace, allocate_lines, apply, level,
};
use uuid::Uuid;

use crate::support::arranging;

fn q(value: i32) -> Quantity {
    Quantity::new(value).unwrap()
}

async fn part_with(pool: &PgPool, number: &str, on_hand: i32) -> Uuid {
    sqlx::query_scalar(
        "INSERT INTO inventory.parts (part_number, name, quantity_on_hand)
         VALUES ($1, 'Test part ' || $1, $2) RETURNING id",
    )
    .bind(number)
    .bind(on_hand)
    .fetch_one(&mut arranging(pool).await)
    .await
    .unwrap()
}

/// On hand and allocated as the sums of the part's ledger rows.
async fn ledger_sums(pool: &PgPool, part: Uuid) -> (i64, i64) {
    sqlx::query_as(
        "SELECT coalesce(sum(on_hand_change), 0)::bigint, coalesce(sum(allocated_change), 0)::bigint
         FROM inventory.stock_movements WHERE part_id = $1",
    )
    .bind(part)
    .fetch_one(pool)
    .await
    .unwrap()
}

/// The part's stock level (on hand, allocated) is `level`, and its ledger
/// rows, the opening balance included, sum to it.
async fn assert_stands_at(pool: &PgPool, part: Uuid, (on_hand, allocated): (i32, i32)) {
    let mut conn = pool.acquire().await.unwrap();
    assert_eq!(
        level(&mut conn, part).await.unwrap(),
        Some(StockLevel { on_hand, allocated })
    );
    assert_eq!(
        ledger_sums(pool, part).await,
        (i64::from(on_hand), i64::from(allocated))
    );
}

/// Allocates `lines` for one BOM in `mode`, committed.
async fn allocate(
    pool: &PgPool,
    lines: &[(Uuid, Quantity)],
    mode: AllocationMode,
) -> AllocationReport {
    let reference = Reference {
        kind: "BOM",
        id: "bom-1",
    };
    let mut tx = begin_system(pool, SystemActor::SeedDemo).await.unwrap();
    let report = allocate_lines(&mut tx, lines, reference, None, mode)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    report
}

async fn move_stock(
    pool: &PgPool,
    part: Uuid,
    movement: Movement,
) -> Result<StockLevel, StockError> {
    let mut tx = begin_system(pool, SystemActor::SeedDemo).await.unwrap();
    let reference = Reference {
        kind: "TEST",
        id: "1",
    };
    let applied = apply(
        &mut tx,
        part,
        movement,
        Trace::default(),
        Some(reference),
        Some("cycle count"),
        None,
    )
    .await?;
    tx.commit().await.unwrap();
    Ok(applied.level)
}

#[sqlx::test(migrations = "../migrations")]
async fn every_movement_changes_the_counters_and_writes_its_ledger_row(pool: PgPool) {
    let part = part_with(&pool, "T-1", 0).await;
    let steps = [
        (Movement::Receive(q(20)), (20, 0)),
        (Movement::Allocate(q(8)), (20, 8)),
        (Movement::Release(q(3)), (20, 5)),
        (Movement::Issue(q(5)), (15, 0)),
        (Movement::Return(q(2)), (17, 0)),
        (Movement::Adjust(-4), (13, 0)),
    ];
    for (movement, (on_hand, allocated)) in steps {
        let after = move_stock(&pool, part, movement).await.unwrap();
        assert_eq!(after, StockLevel { on_hand, allocated }, "{movement:?}");
    }
    assert_eq!(ledger_sums(&pool, part).await, (13, 0));
    let rows: i64 =
        sqlx::query_scalar("SELECT count(*) FROM inventory.stock_movements WHERE part_id = $1")
            .bind(part)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(rows, 6);
}

#[sqlx::test(migrations = "../migrations")]
async fn refused_movements_say_why_and_change_nothing(pool: PgPool) {
    let part = part_with(&pool, "T-2", 5).await;
    let error = move_stock(&pool, part, Movement::Allocate(q(6)))
        .await
        .unwrap_err();
    assert!(matches!(
        error,
        StockError::Problem(StockProblem::NotEnoughAvailable {
            available: 5,
            requested: 6
        })
    ));
    let error = move_stock(&pool, part, Movement::Adjust(-6))
        .await
        .unwrap_err();
    assert!(matches!(
        error,
        StockError::Problem(StockProblem::NegativeOnHand {
            on_hand: 5,
            removed: 6
        })
    ));

    let mut conn = pool.acquire().await.unwrap();
    let no_reason = apply(
        &mut conn,
        part,
        Movement::Adjust(2),
        Trace::default(),
        None,
        Some("  "),
        None,
    )
    .await;
    assert!(matches!(no_reason, Err(StockError::ReasonRequired)));
    assert_stands_at(&pool, part, (5, 0)).await;
}

#[sqlx::test(migrations = "../migrations")]
async fn a_part_stored_with_stock_has_its_opening_balance_on_the_ledger(pool: PgPool) {
    let part = part_with(&pool, "T-4", 12).await;
    let (kind, on_hand_after): (String, i32) = sqlx::query_as(
        "SELECT movement_type::text, on_hand_after FROM inventory.stock_movements WHERE part_id = $1",
    )
    .bind(part)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        (MovementKind::parse(&kind), on_hand_after),
        (Ok(MovementKind::Opening), 12)
    );
    move_stock(&pool, part, Movement::Receive(q(3)))
        .await
        .unwrap();
    assert_stands_at(&pool, part, (15, 0)).await;

    let empty = part_with(&pool, "T-5", 0).await;
    assert_eq!(ledger_sums(&pool, empty).await, (0, 0));
    let rows: i64 =
        sqlx::query_scalar("SELECT count(*) FROM inventory.stock_movements WHERE part_id = $1")
            .bind(empty)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(
        rows, 0,
        "a part stored with nothing has nothing to open with"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn the_ledger_cannot_be_rewritten(pool: PgPool) {
    let part = part_with(&pool, "T-3", 0).await;
    move_stock(&pool, part, Movement::Receive(q(4)))
        .await
        .unwrap();
    for sql in [
        "UPDATE inventory.stock_movements SET on_hand_change = 400",
        "DELETE FROM inventory.stock_movements",
    ] {
        let error = sqlx::query(sql).execute(&pool).await.unwrap_err();
        assert!(error.to_string().contains("append-only"), "{sql}: {error}");
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn two_hundred_concurrent_allocations_of_one_part_never_oversell(pool: PgPool) {
    let part = part_with(&pool, "HOT-1", 100).await;
    let tasks: Vec<_> = (0..200)
        .map(|_| {
            let pool = pool.clone();
            tokio::spawn(async move { move_stock(&pool, part, Movement::Allocate(q(1))).await })
        })
        .collect();
    let mut succeeded = 0;
    for task in tasks {
        match task.await.unwrap() {
            Ok(_) => succeeded += 1,
            Err(StockError::Problem(StockProblem::NotEnoughAvailable { .. })) => {}
            Err(other) => panic!("unexpected: {other}"),
        }
    }
    assert_eq!(succeeded, 100);
    assert_stands_at(&pool, part, (100, 100)).await;
}

#[sqlx::test(migrations = "../migrations")]
async fn allocations_spread_over_ten_thousand_parts_never_oversell(pool: PgPool) {
    let parts: Vec<Uuid> = sqlx::query_scalar(
        "INSERT INTO inventory.parts (part_number, name, quantity_on_hand)
         SELECT 'S-' || n, 'Spread part ' || n, 1 FROM generate_series(1, 10000) AS n
         RETURNING id",
    )
    .fetch_all(&mut arranging(&pool).await)
    .await
    .unwrap();
    // Every part asked for twice: exactly one request per part can succeed.
    let requests: Arc<Vec<Uuid>> = Arc::new(parts.iter().chain(parts.iter()).copied().collect());
    let workers: Vec<_> = (0..16)
        .map(|worker| {
            let (pool, requests) = (pool.clone(), requests.clone());
            tokio::spawn(async move {
                let mut succeeded = 0;
                for part in requests.iter().skip(worker).step_by(16) {
                    if move_stock(&pool, *part, Movement::Allocate(q(1)))
                        .await
                        .is_ok()
                    {
                        succeeded += 1;
                    }
                }
                succeeded
            })
        })
        .collect();
    let mut succeeded = 0;
    for worker in workers {
        succeeded += worker.await.unwrap();
    }
    assert_eq!(succeeded, 10_000);

    let (over, ledger_mismatch): (i64, i64) = sqlx::query_as(
        "SELECT count(*) FILTER (WHERE p.quantity_allocated > p.quantity_on_hand),
                count(*) FILTER (WHERE p.quantity_allocated <> coalesce(m.allocated, 0))
         FROM inventory.parts p
         LEFT JOIN (SELECT part_id, sum(allocated_change) AS allocated
                    FROM inventory.stock_movements GROUP BY part_id) m ON m.part_id = p.id
         WHERE p.part_number LIKE 'S-%'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((over, ledger_mismatch), (0, 0));
}

#[sqlx::test(migrations = "../migrations")]
async fn all_or_nothing_lists_the_short_lines_and_allocates_nothing(pool: PgPool) {
    let plenty = part_with(&pool, "L-1", 50).await;
    let scarce = part_with(&pool, "L-2", 3).await;
    let lines = [(plenty, q(10)), (scarce, q(5))];

    let report = allocate(&pool, &lines, AllocationMode::AllOrNothing).await;
    assert!(report.allocated.is_empty());
    assert_eq!(report.shortages.len(), 1);
    assert_eq!(
        (report.shortages[0].part_id, report.shortages[0].available),
        (scarce, 3)
    );
    assert_stands_at(&pool, plenty, (50, 0)).await;

    let report = allocate(&pool, &lines, AllocationMode::WhatIsAvailable).await;
    let mut allocated = report.allocated.clone();
    allocated.sort();
    let mut expected = vec![(plenty, 10), (scarce, 3)];
    expected.sort();
    assert_eq!(allocated, expected);
    assert_eq!(report.shortages.len(), 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn five_hundred_concurrent_custom_numbers_are_distinct_and_consecutive(pool: PgPool) {
    let tasks: Vec<_> = (0..500)
        .map(|_| {
            let pool = pool.clone();
            tokio::spawn(async move {
                let mut conn = pool.acquire().await.unwrap();
                torvan_app::inventory::part_numbers::next_custom(
                    &mut conn,
                    torvan::CustomCategory::Pegboard,
                )
                .await
                .unwrap()
            })
        })
        .collect();
    let mut numbers = Vec::new();
    for task in tasks {
        numbers.push(task.await.unwrap());
    }
    numbers.sort();
    let expected: Vec<_> = (1..=500).map(|n| format!("710-{n:04}")).collect();
    assert_eq!(numbers, expected);
}
