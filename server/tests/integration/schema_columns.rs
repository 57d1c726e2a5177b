//! Generated columns, and the trigger that replaces the design's CHECK with a subquery.
//! Each `#[sqlx::test]` gets a fresh database with `../migrations` applied.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use sqlx::{PgPool, Row};

use crate::support::arranging;
use crate::support::rows::{insert_customer, insert_order, insert_part, insert_user, sqlstate};

#[sqlx::test(migrations = "../migrations")]
async fn parts_quantity_available_is_generated(pool: PgPool) -> sqlx::Result<()> {
    let id = insert_part(&pool, "999-0001", 10, 3, 2).await;
    let available: i32 =
        sqlx::query_scalar("SELECT quantity_available FROM inventory.parts WHERE id = $1::uuid")
            .bind(&id)
            .fetch_one(&pool)
            .await?;
    assert_eq!(available, 7);

    sqlx::query("UPDATE inventory.parts SET quantity_allocated = 10 WHERE id = $1::uuid")
        .bind(&id)
        .execute(&mut arranging(&pool).await)
        .await?;
    let available: i32 =
        sqlx::query_scalar("SELECT quantity_available FROM inventory.parts WHERE id = $1::uuid")
            .bind(&id)
            .fetch_one(&pool)
            .await?;
    assert_eq!(available, 0);

    // A generated column cannot be written.
    let err = sqlx::query("UPDATE inventory.parts SET quantity_available = 5 WHERE id = $1::uuid")
        .bind(&id)
        .execute(&mut arranging(&pool).await)
        .await
        .expect_err("writing a generated column must fail");
    assert!(err.as_database_error().is_some());
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn order_line_item_amounts_are_generated(pool: PgPool) -> sqlx::Result<()> {
    let user = insert_user(&pool, "coord@example.com", "PRODUCTION_COORDINATOR").await;
    let customer = insert_customer(&pool, "C-1", "General Hospital", &user).await;
    let order = insert_order(&pool, "ORD-1", &customer, &user).await;

    let line_id: String = sqlx::query_scalar(
        "INSERT INTO orders.order_line_items
             (order_id, line_number, part_number, description, quantity_ordered, unit_price, discount_percent)
         VALUES ($1::uuid, 1, '321-0002', 'Electronic drain actuator', 3, $2, $3)
         RETURNING id::text",
    )
    .bind(&order)
    .bind(dec!(19.99))
    .bind(dec!(10))
    .fetch_one(&mut arranging(&pool).await)
    .await?;

    let row = sqlx::query(
        "SELECT quantity_backordered, extended_price, discount_amount, net_amount
         FROM orders.order_line_items WHERE id = $1::uuid",
    )
    .bind(&line_id)
    .fetch_one(&pool)
    .await?;
    let backordered: i32 = row.try_get("quantity_backordered")?;
    let extended: Decimal = row.try_get("extended_price")?;
    let discount: Decimal = row.try_get("discount_amount")?;
    let net: Decimal = row.try_get("net_amount")?;
    assert_eq!(backordered, 3);
    assert_eq!(extended, dec!(59.97));
    // 10 % of 59.97 = 5.997, stored rounded to cents
    assert_eq!(discount, dec!(6.00));
    assert_eq!(net, dec!(53.97));
    assert_eq!(discount + net, extended);

    sqlx::query("UPDATE orders.order_line_items SET quantity_shipped = 1 WHERE id = $1::uuid")
        .bind(&line_id)
        .execute(&mut arranging(&pool).await)
        .await?;
    let backordered: i32 = sqlx::query_scalar(
        "SELECT quantity_backordered FROM orders.order_line_items WHERE id = $1::uuid",
    )
    .bind(&line_id)
    .fetch_one(&pool)
    .await?;
    assert_eq!(backordered, 2);

    // No discount: net = extended
    let row = sqlx::query(
        "INSERT INTO orders.order_line_items
             (order_id, line_number, part_number, description, quantity_ordered, unit_price)
         VALUES ($1::uuid, 2, '221-0002', 'Basket strainer', 4, $2)
         RETURNING discount_amount, net_amount, extended_price",
    )
    .bind(&order)
    .bind(dec!(16.92))
    .fetch_one(&mut arranging(&pool).await)
    .await?;
    assert_eq!(row.try_get::<Decimal, _>("extended_price")?, dec!(67.68));
    assert_eq!(row.try_get::<Decimal, _>("discount_amount")?, dec!(0));
    assert_eq!(row.try_get::<Decimal, _>("net_amount")?, dec!(67.68));
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn bom_item_child_level_must_exceed_parent(pool: PgPool) -> sqlx::Result<()> {
    let user = insert_user(&pool, "coord@example.com", "PRODUCTION_COORDINATOR").await;
    let customer = insert_customer(&pool, "C-1", "General Hospital", &user).await;
    let order = insert_order(&pool, "ORD-1", &customer, &user).await;
    let part_a = insert_part(&pool, "999-0001", 5, 0, 0).await;
    let part_b = insert_part(&pool, "999-0002", 5, 0, 0).await;

    let bom: String = sqlx::query_scalar(
        "INSERT INTO orders.boms (order_id, created_by) VALUES ($1::uuid, $2::uuid) RETURNING id::text",
    )
    .bind(&order)
    .bind(&user)
    .fetch_one(&mut arranging(&pool).await)
    .await?;

    let insert_item = "INSERT INTO orders.bom_items
             (bom_id, line_number, part_id, parent_item_id, level, quantity_required, unit_cost, scrap_factor)
         VALUES ($1::uuid, $2, $3::uuid, $4::uuid, $5, $6, $7, $8)
         RETURNING id::text";

    let parent: String = sqlx::query_scalar(insert_item)
        .bind(&bom)
        .bind(1_i32)
        .bind(&part_a)
        .bind(None::<String>)
        .bind(2_i32)
        .bind(dec!(2.5))
        .bind(dec!(10.00))
        .bind(dec!(0.05))
        .fetch_one(&mut arranging(&pool).await)
        .await?;

    // generated total_quantity / extended_cost on the way
    let row = sqlx::query(
        "SELECT total_quantity, extended_cost FROM orders.bom_items WHERE id = $1::uuid",
    )
    .bind(&parent)
    .fetch_one(&pool)
    .await?;
    assert_eq!(row.try_get::<Decimal, _>("total_quantity")?, dec!(2.625));
    assert_eq!(row.try_get::<Decimal, _>("extended_cost")?, dec!(26.25));

    for bad_level in [1_i32, 2] {
        let err = sqlx::query(insert_item)
            .bind(&bom)
            .bind(10 + bad_level)
            .bind(&part_b)
            .bind(Some(parent.clone()))
            .bind(bad_level)
            .bind(dec!(1))
            .bind(dec!(1.00))
            .bind(dec!(0))
            .fetch_one(&mut arranging(&pool).await)
            .await
            .expect_err("child level not greater than parent must be rejected");
        assert_eq!(
            sqlstate(&err).as_deref(),
            Some("23514"),
            "check_violation: {err}"
        );
    }

    let child: String = sqlx::query_scalar(insert_item)
        .bind(&bom)
        .bind(2_i32)
        .bind(&part_b)
        .bind(Some(parent.clone()))
        .bind(3_i32)
        .bind(dec!(1))
        .bind(dec!(1.00))
        .bind(dec!(0))
        .fetch_one(&mut arranging(&pool).await)
        .await?;
    assert!(!child.is_empty());

    // Raising the parent to its child's level is rejected as well.
    let err = sqlx::query("UPDATE orders.bom_items SET level = 3 WHERE id = $1::uuid")
        .bind(&parent)
        .execute(&mut arranging(&pool).await)
        .await
        .expect_err("parent level may not reach its child's level");
    assert_eq!(sqlstate(&err).as_deref(), Some("23514"));
    Ok(())
}
