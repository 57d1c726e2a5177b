//! The design's views give the figures the screens show.
//! Each `#[sqlx::test]` gets a fresh database with `../migrations` applied.

use sqlx::{PgPool, Row};

use crate::support::arranging;
use crate::support::rows::{
    insert_customer, insert_order, insert_part, insert_sink_family, insert_user,
};

#[sqlx::test(migrations = "../migrations")]
async fn parts_availability_stock_status_boundaries(pool: PgPool) -> sqlx::Result<()> {
    // (part number, on hand, allocated, reorder point, expected status)
    let cases = [
        ("900-0001", 0, 0, 10, "OUT_OF_STOCK"),
        ("900-0002", 3, 3, 10, "OUT_OF_STOCK"), // all of it allocated
        ("900-0003", 1, 0, 10, "LOW_STOCK"),
        ("900-0004", 15, 5, 10, "LOW_STOCK"), // available = reorder point
        ("900-0005", 11, 0, 10, "MEDIUM_STOCK"),
        ("900-0006", 25, 5, 10, "MEDIUM_STOCK"), // available = 2 x reorder point
        ("900-0007", 21, 0, 10, "IN_STOCK"),
        ("900-0008", 1, 0, 0, "IN_STOCK"),
    ];
    for (pn, on_hand, allocated, rp, _) in cases {
        insert_part(&pool, pn, on_hand, allocated, rp).await;
    }
    for (pn, _, _, _, expected) in cases {
        let status: String = sqlx::query_scalar(
            "SELECT stock_status FROM inventory.parts_availability WHERE part_number = $1",
        )
        .bind(pn)
        .fetch_one(&pool)
        .await?;
        assert_eq!(status, expected, "part {pn}");
    }

    // Only ACTIVE parts are listed.
    sqlx::query(
        "UPDATE inventory.parts SET status = 'DISCONTINUED' WHERE part_number = '900-0001'",
    )
    .execute(&mut arranging(&pool).await)
    .await?;
    let listed: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM inventory.parts_availability WHERE part_number = '900-0001'",
    )
    .fetch_one(&pool)
    .await?;
    assert_eq!(listed, 0);
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn order_summary_view(pool: PgPool) -> sqlx::Result<()> {
    let user = insert_user(&pool, "coord@example.com", "PRODUCTION_COORDINATOR").await;
    let customer = insert_customer(&pool, "C-1", "Lakeside University Hospital", &user).await;
    let order = insert_order(&pool, "ORD-1", &customer, &user).await;
    let empty_order = insert_order(&pool, "ORD-2", &customer, &user).await;
    let family = insert_sink_family(&pool, "ESR").await;

    for (build, qty) in [("TB-1-01", 2_i32), ("TB-1-02", 3)] {
        sqlx::query(
            "INSERT INTO orders.order_sink_configurations (order_id, build_number, sink_family_id, quantity)
             VALUES ($1::uuid, $2, $3::uuid, $4)",
        )
        .bind(&order)
        .bind(build)
        .bind(&family)
        .bind(qty)
        .execute(&mut arranging(&pool).await)
        .await?;
    }

    let row = sqlx::query(
        "SELECT customer_name, created_by_name, total_sinks, status_display
         FROM orders.order_summary WHERE id = $1::uuid",
    )
    .bind(&order)
    .fetch_one(&pool)
    .await?;
    assert_eq!(
        row.try_get::<String, _>("customer_name")?,
        "Lakeside University Hospital"
    );
    assert_eq!(row.try_get::<String, _>("created_by_name")?, "Test User");
    assert_eq!(row.try_get::<i64, _>("total_sinks")?, 5);
    assert_eq!(
        row.try_get::<String, _>("status_display")?,
        "Awaiting Production"
    );

    let sinks: i64 =
        sqlx::query_scalar("SELECT total_sinks FROM orders.order_summary WHERE id = $1::uuid")
            .bind(&empty_order)
            .fetch_one(&pool)
            .await?;
    assert_eq!(sinks, 0);

    let expected = [
        ("PENDING", "Awaiting Production"),
        ("IN_PRODUCTION", "In Progress"),
        ("PRE_QC", "Quality Control"),
        ("PRODUCTION_COMPLETE", "Production Complete"),
        ("FINAL_QC", "Quality Control"),
        ("QC_COMPLETE", "Ready to Ship"),
        ("SHIPPED", "Shipped"),
        ("DELIVERED", "Delivered"),
    ];
    for (status, display) in expected {
        // The dashboard labels statuses that have no orders from the domain crate.
        let domain = <torvan::OrderStatus as torvan::DbEnum>::parse(status).unwrap();
        assert_eq!(domain.stage(), display, "domain stage of {status}");
        sqlx::query("UPDATE orders.orders SET status = $1::order_status WHERE id = $2::uuid")
            .bind(status)
            .bind(&order)
            .execute(&mut arranging(&pool).await)
            .await?;
        let shown: Option<String> = sqlx::query_scalar(
            "SELECT status_display FROM orders.order_summary WHERE id = $1::uuid",
        )
        .bind(&order)
        .fetch_one(&pool)
        .await?;
        assert_eq!(shown.as_deref(), Some(display), "status {status}");
    }
    Ok(())
}
