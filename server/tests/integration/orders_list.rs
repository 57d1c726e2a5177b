//! The order list's filters, sort and pages against what the database holds.

use crate::support::arranging;
use crate::support::demo::orders;
use sqlx::PgPool;
use torvan::{OrderPriority, OrderStatus};
use torvan_app::orders::{OrderFilter, OrderSort};

async fn list(pool: &PgPool, filter: OrderFilter) -> torvan_app::orders::OrderList {
    let mut conn = pool.acquire().await.unwrap();
    torvan_app::orders::queries::list(&mut conn, &filter)
        .await
        .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn filters_narrow_the_list_to_what_the_database_counts(pool: PgPool) {
    torvan_server::seed::seed_demo(&pool).await.unwrap();
    let pending = list(
        &pool,
        OrderFilter {
            status: Some(OrderStatus::Pending),
            ..Default::default()
        },
    )
    .await;
    let expected: i64 =
        sqlx::query_scalar("SELECT count(*) FROM orders.orders WHERE status = 'PENDING'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(pending.total, expected);
    assert!(
        pending
            .rows
            .iter()
            .all(|row| row.status == OrderStatus::Pending)
    );

    let lakeside = list(
        &pool,
        OrderFilter {
            customer: "LAKESIDE".into(),
            ..Default::default()
        },
    )
    .await;
    assert!(lakeside.total > 0);
    assert!(
        lakeside
            .rows
            .iter()
            .all(|row| row.customer_name == "Lakeside University Hospital")
    );
    let by_number = list(
        &pool,
        OrderFilter {
            customer: "c-10002".into(),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(by_number.total, lakeside.total);

    let (first, last): (chrono::NaiveDate, chrono::NaiveDate) =
        sqlx::query_as("SELECT min(order_date), max(order_date) FROM orders.orders")
            .fetch_one(&pool)
            .await
            .unwrap();
    let none_before = list(
        &pool,
        OrderFilter {
            to: first.pred_opt(),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(none_before.total, 0);
    let all = list(
        &pool,
        OrderFilter {
            from: Some(first),
            to: Some(last),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(all.total, 14);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_most_urgent_come_first_and_pages_hold_fifty(pool: PgPool) {
    torvan_server::seed::seed_demo(&pool).await.unwrap();
    sqlx::raw_sql(
        "INSERT INTO orders.orders (order_number, customer_id, priority, order_date, created_by)
         SELECT 'ORD-T-' || lpad(n::text, 4, '0'), (SELECT id FROM public.customers LIMIT 1),
                'STANDARD', CURRENT_DATE, '00000000-0000-4000-a000-000000000001'
         FROM generate_series(1, 100) AS n",
    )
    .execute(&mut arranging(&pool).await)
    .await
    .unwrap();
    let urgent = list(
        &pool,
        OrderFilter {
            sort: OrderSort::MostUrgent,
            ..Default::default()
        },
    )
    .await;
    assert_eq!(urgent.rows.len(), 50);
    assert_eq!(urgent.total, 114);
    let priorities: Vec<OrderPriority> = urgent.rows.iter().map(|row| row.priority).collect();
    let mut sorted = priorities.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(priorities, sorted);
    assert_ne!(priorities[0], OrderPriority::Standard);

    let third = list(
        &pool,
        OrderFilter {
            page: 2,
            ..Default::default()
        },
    )
    .await;
    assert_eq!(third.rows.len(), 14);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_kept_counts_follow_every_new_moved_and_deleted_order(pool: PgPool) {
    torvan_server::seed::seed_demo(&pool).await.unwrap();
    sqlx::raw_sql(
        "INSERT INTO orders.orders (order_number, customer_id, priority, order_date, created_by)
         SELECT 'ORD-C-' || n, (SELECT id FROM public.customers LIMIT 1),
                'RUSH', CURRENT_DATE, '00000000-0000-4000-a000-000000000001'
         FROM generate_series(1, 5) AS n;
         UPDATE orders.orders SET status = 'IN_PRODUCTION' WHERE order_number IN ('ORD-C-1', 'ORD-C-2');
         UPDATE orders.orders SET priority = 'EMERGENCY' WHERE order_number = 'ORD-C-3';
         DELETE FROM orders.orders WHERE order_number = 'ORD-C-4';",
    )
    .execute(&mut arranging(&pool).await)
    .await
    .unwrap();
    let mismatches: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM orders.order_counts k
         WHERE k.orders <> (SELECT count(*) FROM orders.orders o
                            WHERE o.status = k.status AND o.priority = k.priority)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(mismatches, 0);
    let rush = list(
        &pool,
        OrderFilter {
            status: Some(OrderStatus::InProduction),
            priority: Some(OrderPriority::Rush),
            ..Default::default()
        },
    )
    .await;
    let expected: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM orders.orders WHERE status = 'IN_PRODUCTION' AND priority = 'RUSH'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((rush.total, rush.rows.len() as i64), (expected, expected));
}

#[sqlx::test(migrations = "../migrations")]
async fn an_order_is_found_by_its_number_its_customer_po_or_a_build_number(pool: PgPool) {
    torvan_server::seed::seed_demo(&pool).await.unwrap();
    let found = |number: &'static str| {
        let pool = pool.clone();
        async move {
            let list = list(
                &pool,
                OrderFilter {
                    number: number.into(),
                    ..Default::default()
                },
            )
            .await;
            let numbers: Vec<String> = list
                .rows
                .into_iter()
                .map(|row| row.order_number.to_string())
                .collect();
            (list.total, numbers)
        }
    };
    let one = |number: &str| (1, vec![number.to_owned()]);
    assert_eq!(
        found("ord-2026-0106").await,
        one(orders::RUSH_WITH_CUSTOM_PART)
    );
    assert_eq!(
        found("smrmc-po-89102").await,
        one(orders::RUSH_WITH_CUSTOM_PART)
    );
    assert_eq!(
        found(orders::RUSH_WITH_CUSTOM_PART_BUILD).await,
        one(orders::RUSH_WITH_CUSTOM_PART)
    );
    assert_eq!(
        found("tb-2026-0106-01-1").await,
        one(orders::RUSH_WITH_CUSTOM_PART)
    );
    assert_eq!(
        found("TB-2026-0106-0").await.0,
        0,
        "a build number is whole"
    );
    assert_eq!(found("ORD-2026-01%").await.0, 0, "% is only a character");
    assert_eq!(found("ORD-2026-011").await.0, 5);
}
