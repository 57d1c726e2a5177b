//! The demo data: loads on a migrated database, gives the figures the demo
//! promises, and a second load changes nothing.

use sqlx::PgPool;
use torvan_server::seed::{refuse_a_database_in_use, seed_demo};

use crate::support::arranging;

async fn count(pool: &PgPool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

/// The count `sql` makes is zero, as the demo promises (`promise`).
async fn assert_none(pool: &PgPool, sql: &str, promise: &str) {
    assert_eq!(count(pool, sql).await, 0, "{promise}");
}

/// Row counts of every table the seed writes, plus the audit trail.
async fn fingerprint(pool: &PgPool) -> Vec<i64> {
    let mut counts = Vec::new();
    for table in [
        "auth.users",
        "products.sink_families",
        "inventory.categories",
        "inventory.assemblies",
        "inventory.sub_assemblies",
        "inventory.parts",
        "inventory.part_substitutes",
        "customers",
        "customer_addresses",
        "customer_contacts",
        "orders.orders",
        "orders.order_status_history",
        "orders.order_sink_configurations",
        "orders.order_line_items",
        "workflow.tasks",
        "audit.audit_log",
        "audit.data_changes",
    ] {
        counts.push(count(pool, &format!("SELECT count(*) FROM {table}")).await);
    }
    counts
}

#[sqlx::test(migrations = "../migrations")]
async fn demo_data_is_rich_enough_to_show_every_screen(pool: PgPool) {
    seed_demo(&pool).await.unwrap();

    assert!(count(&pool, "SELECT count(*) FROM products.sink_families").await >= 3);
    assert!(count(&pool, "SELECT count(*) FROM inventory.parts").await >= 150);
    let customers_with_contacts = count(
        &pool,
        "SELECT count(*) FROM customers c
         WHERE EXISTS (SELECT 1 FROM customer_addresses a WHERE a.customer_id = c.id)
           AND EXISTS (SELECT 1 FROM customer_contacts k WHERE k.customer_id = c.id)",
    )
    .await;
    assert!(customers_with_contacts >= 2);
    let statuses = count(
        &pool,
        "SELECT count(DISTINCT status) FROM orders.order_summary",
    )
    .await;
    assert_eq!(statuses, 8, "orders in every lifecycle status");
    let low = count(
        &pool,
        "SELECT count(*) FROM inventory.parts_availability WHERE stock_status IN ('LOW_STOCK', 'OUT_OF_STOCK')",
    )
    .await;
    assert!(low > 0, "some parts are below their reorder point");
    assert_none(
        &pool,
        "SELECT count(*) FROM inventory.parts WHERE quantity_allocated > quantity_on_hand",
        "no part has more allocated than on hand",
    )
    .await;
    assert_none(
        &pool,
        "SELECT count(*) FROM inventory.parts p
         LEFT JOIN LATERAL (
             SELECT coalesce(sum(m.on_hand_change), 0) AS on_hand,
                    coalesce(sum(m.allocated_change), 0) AS allocated
             FROM inventory.stock_movements m WHERE m.part_id = p.id) ledger ON true
         WHERE (ledger.on_hand, ledger.allocated)
               <> (coalesce(p.quantity_on_hand, 0), coalesce(p.quantity_allocated, 0))",
        "every part's ledger sums to its stock, opening balances included",
    )
    .await;
    assert!(
        count(&pool, "SELECT count(*) FROM inventory.stock_lots").await > 0,
        "the demo's lot-controlled parts arrive in lots"
    );
    assert!(
        count(&pool, "SELECT count(*) FROM inventory.part_serials").await > 0,
        "the demo's serial-controlled parts arrive with serial numbers"
    );
    assert_none(
        &pool,
        "SELECT count(*) FROM inventory.stock_lots l
         WHERE l.quantity_on_hand <> (SELECT coalesce(sum(m.on_hand_change), 0)
                                      FROM inventory.stock_movements m WHERE m.lot_id = l.id)",
        "every lot's ledger sums to its quantity",
    )
    .await;
}

#[sqlx::test(migrations = "../migrations")]
async fn parts_hang_under_all_four_levels(pool: PgPool) {
    seed_demo(&pool).await.unwrap();

    assert_none(
        &pool,
        "SELECT count(*) FROM inventory.parts p
         LEFT JOIN inventory.sub_assemblies s ON s.id = p.sub_assembly_id
         LEFT JOIN inventory.assemblies a ON a.id = s.assembly_id
         LEFT JOIN inventory.categories c ON c.id = a.category_id
         WHERE c.id IS NULL",
        "every part reaches a category",
    )
    .await;
}

#[sqlx::test(migrations = "../migrations")]
async fn loading_twice_changes_nothing(pool: PgPool) {
    seed_demo(&pool).await.unwrap();
    let first = fingerprint(&pool).await;
    seed_demo(&pool).await.unwrap();
    assert_eq!(fingerprint(&pool).await, first);
}

#[sqlx::test(migrations = "../migrations")]
async fn every_order_history_starts_pending_and_ends_at_the_status(pool: PgPool) {
    seed_demo(&pool).await.unwrap();

    assert_none(
        &pool,
        "SELECT count(*) FROM orders.orders o
         WHERE (SELECT h.to_status FROM orders.order_status_history h
                WHERE h.order_id = o.id ORDER BY h.changed_at DESC LIMIT 1) IS DISTINCT FROM o.status
            OR NOT EXISTS (SELECT 1 FROM orders.order_status_history h
                           WHERE h.order_id = o.id AND h.from_status IS NULL AND h.to_status = 'PENDING')",
        "every history starts pending and ends at the order's status",
    )
    .await;
}

#[sqlx::test(migrations = "../migrations")]
async fn the_demo_may_load_again_over_itself(pool: PgPool) {
    seed_demo(&pool).await.unwrap();
    refuse_a_database_in_use(&pool).await.unwrap();
}

#[sqlx::test(migrations = "../migrations")]
async fn the_demo_refuses_a_database_with_a_user_it_did_not_create(pool: PgPool) {
    sqlx::query(
        "INSERT INTO auth.users (email, password_hash, role, status, first_name, last_name)
         VALUES ('it@hospital.test', 'x', 'ADMIN', 'ACTIVE', 'Ida', 'Tran')",
    )
    .execute(&mut arranging(&pool).await)
    .await
    .unwrap();
    let refusal = refuse_a_database_in_use(&pool).await.unwrap_err();
    assert!(
        refusal.to_string().contains("seed-demo --force"),
        "the refusal says how to load it anyway: {refusal}"
    );
}
