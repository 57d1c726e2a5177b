//! Database schema tests. Each `#[sqlx::test]` gets a fresh, empty database with
//! `../migrations` applied (no seed data); every test inserts the rows it needs.
//!
//! Needs (dev-)dependencies: sqlx 0.8 with the `postgres`, `runtime-tokio`,
//! `migrate`, `macros` and `rust_decimal` features, `rust_decimal`,
//! `rust_decimal_macros`, and tokio. UUIDs travel as text (`id::text`,
//! `$1::uuid`), so the sqlx `uuid` feature is not required here.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use sqlx::{PgPool, Row};

const TEST_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$not-a-real-hash-test-only";

// ---------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------

async fn insert_user(pool: &PgPool, email: &str, role: &str) -> String {
    sqlx::query_scalar::<_, String>(
        "INSERT INTO auth.users (email, password_hash, role, first_name, last_name)
         VALUES ($1, $2, $3::user_role, 'Test', 'User')
         RETURNING id::text",
    )
    .bind(email)
    .bind(TEST_HASH)
    .bind(role)
    .fetch_one(pool)
    .await
    .expect("insert user")
}

async fn insert_customer(pool: &PgPool, number: &str, name: &str, created_by: &str) -> String {
    sqlx::query_scalar::<_, String>(
        "INSERT INTO customers (customer_number, company_name, created_by)
         VALUES ($1, $2, $3::uuid)
         RETURNING id::text",
    )
    .bind(number)
    .bind(name)
    .bind(created_by)
    .fetch_one(pool)
    .await
    .expect("insert customer")
}

async fn insert_order(pool: &PgPool, number: &str, customer_id: &str, created_by: &str) -> String {
    sqlx::query_scalar::<_, String>(
        "INSERT INTO orders.orders (order_number, customer_id, created_by)
         VALUES ($1, $2::uuid, $3::uuid)
         RETURNING id::text",
    )
    .bind(number)
    .bind(customer_id)
    .bind(created_by)
    .fetch_one(pool)
    .await
    .expect("insert order")
}

/// A part with no place in the hierarchy (sub_assembly_id is nullable).
async fn insert_part(
    pool: &PgPool,
    part_number: &str,
    on_hand: i32,
    allocated: i32,
    reorder_point: i32,
) -> String {
    sqlx::query_scalar::<_, String>(
        "INSERT INTO inventory.parts
             (part_number, name, quantity_on_hand, quantity_allocated, reorder_point, standard_cost)
         VALUES ($1, 'Test part ' || $1, $2, $3, $4, 1.00)
         RETURNING id::text",
    )
    .bind(part_number)
    .bind(on_hand)
    .bind(allocated)
    .bind(reorder_point)
    .fetch_one(pool)
    .await
    .expect("insert part")
}

async fn insert_sink_family(pool: &PgPool, code: &str) -> String {
    sqlx::query_scalar::<_, String>(
        "INSERT INTO products.sink_families (name, code, available_materials, max_basins, base_price)
         VALUES ('Family ' || $1, $1, ARRAY['304','316L'], 3, 5000.00)
         RETURNING id::text",
    )
    .bind(code)
    .fetch_one(pool)
    .await
    .expect("insert sink family")
}

fn sqlstate(err: &sqlx::Error) -> Option<String> {
    err.as_database_error()
        .and_then(|e| e.code())
        .map(|c| c.to_string())
}

// ---------------------------------------------------------------------------
// structure
// ---------------------------------------------------------------------------

#[sqlx::test(migrations = "../migrations")]
async fn migrations_create_all_tables_and_views(pool: PgPool) -> sqlx::Result<()> {
    let tables: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM information_schema.tables
         WHERE table_type = 'BASE TABLE'
           AND table_schema IN ('public', 'auth', 'inventory', 'orders', 'products',
                                'quality', 'workflow', 'audit', 'files', 'system')
           AND table_name <> '_sqlx_migrations'",
    )
    .fetch_one(&pool)
    .await?;
    assert_eq!(tables, 39, "the design has 39 tables");

    let views: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM information_schema.views
         WHERE (table_schema, table_name) IN (('orders', 'order_summary'),
                                              ('inventory', 'parts_availability'),
                                              ('workflow', 'user_workload'))",
    )
    .fetch_one(&pool)
    .await?;
    assert_eq!(views, 3);

    // 700-series sequences are part of the schema.
    let sequences: i64 = sqlx::query_scalar("SELECT count(*) FROM inventory.part_number_sequences")
        .fetch_one(&pool)
        .await?;
    assert_eq!(sequences, 7);

    // Functions the design defines but that must not exist (formulas are
    // evaluated in Rust; retention is a later application job).
    let forbidden: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE (n.nspname, p.proname) IN (('orders', 'calculate_bom_quantity'),
                                          ('orders', 'generate_bom_from_configuration'),
                                          ('orders', 'update_bom_totals'),
                                          ('orders', 'evaluate_configuration_rules'),
                                          ('orders', 'evaluate_include_condition'),
                                          ('system', 'cleanup_expired_data'))",
    )
    .fetch_one(&pool)
    .await?;
    assert_eq!(forbidden, 0);

    // Every table with updated_at has the BEFORE UPDATE trigger.
    let missing: Vec<String> = sqlx::query_scalar(
        "SELECT c.table_schema || '.' || c.table_name
         FROM information_schema.columns c
         JOIN information_schema.tables t
           ON t.table_schema = c.table_schema AND t.table_name = c.table_name
          AND t.table_type = 'BASE TABLE'
         WHERE c.column_name = 'updated_at'
           AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
           AND NOT EXISTS (
               SELECT 1 FROM information_schema.triggers tr
               WHERE tr.event_object_schema = c.table_schema
                 AND tr.event_object_table = c.table_name
                 AND tr.action_timing = 'BEFORE'
                 AND tr.event_manipulation = 'UPDATE')
         ORDER BY 1",
    )
    .fetch_all(&pool)
    .await?;
    assert!(
        missing.is_empty(),
        "tables without updated_at trigger: {missing:?}"
    );
    Ok(())
}

// ---------------------------------------------------------------------------
// generated columns
// ---------------------------------------------------------------------------

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
        .execute(&pool)
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
        .execute(&pool)
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
    .fetch_one(&pool)
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
        .execute(&pool)
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
    .fetch_one(&pool)
    .await?;
    assert_eq!(row.try_get::<Decimal, _>("extended_price")?, dec!(67.68));
    assert_eq!(row.try_get::<Decimal, _>("discount_amount")?, dec!(0));
    assert_eq!(row.try_get::<Decimal, _>("net_amount")?, dec!(67.68));
    Ok(())
}

// ---------------------------------------------------------------------------
// BOM parent level trigger (replaces the design's CHECK with a subquery)
// ---------------------------------------------------------------------------

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
    .fetch_one(&pool)
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
        .fetch_one(&pool)
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
            .fetch_one(&pool)
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
        .fetch_one(&pool)
        .await?;
    assert!(!child.is_empty());

    // Raising the parent to its child's level is rejected as well.
    let err = sqlx::query("UPDATE orders.bom_items SET level = 3 WHERE id = $1::uuid")
        .bind(&parent)
        .execute(&pool)
        .await
        .expect_err("parent level may not reach its child's level");
    assert_eq!(sqlstate(&err).as_deref(), Some("23514"));
    Ok(())
}

// ---------------------------------------------------------------------------
// views
// ---------------------------------------------------------------------------

#[sqlx::test(migrations = "../migrations")]
async fn parts_availability_stock_status_boundaries(pool: PgPool) -> sqlx::Result<()> {
    // (part number, on hand, allocated, reorder point, expected status)
    let cases = [
        ("900-0001", 0, 0, 10, "OUT_OF_STOCK"),
        ("900-0002", 2, 3, 10, "OUT_OF_STOCK"), // over-allocated: available -1
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
    .execute(&pool)
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
        .execute(&pool)
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
        sqlx::query("UPDATE orders.orders SET status = $1::order_status WHERE id = $2::uuid")
            .bind(status)
            .bind(&order)
            .execute(&pool)
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

// ---------------------------------------------------------------------------
// part numbers
// ---------------------------------------------------------------------------

#[sqlx::test(migrations = "../migrations")]
async fn generate_part_number_sequences(pool: PgPool) -> sqlx::Result<()> {
    let first: String = sqlx::query_scalar("SELECT inventory.generate_part_number('PEGBOARD')")
        .fetch_one(&pool)
        .await?;
    let second: String = sqlx::query_scalar("SELECT inventory.generate_part_number('PEGBOARD')")
        .fetch_one(&pool)
        .await?;
    assert_eq!(first, "710-0001");
    assert_eq!(second, "710-0002");

    let legs: String = sqlx::query_scalar("SELECT inventory.generate_part_number($1)")
        .bind("LEG_ASSEMBLY")
        .fetch_one(&pool)
        .await?;
    assert_eq!(legs, "720-0001");

    let err = sqlx::query_scalar::<_, String>(
        "SELECT inventory.generate_part_number('NO_SUCH_CATEGORY')",
    )
    .fetch_one(&pool)
    .await
    .expect_err("unknown category must fail");
    assert!(err.to_string().contains("Unknown part category"), "{err}");
    Ok(())
}

// ---------------------------------------------------------------------------
// audit trail
// ---------------------------------------------------------------------------

#[sqlx::test(migrations = "../migrations")]
async fn audit_trigger_records_acting_user(pool: PgPool) -> sqlx::Result<()> {
    let admin = insert_user(&pool, "admin@example.com", "ADMIN").await;
    let coord = insert_user(&pool, "coord@example.com", "PRODUCTION_COORDINATOR").await;
    let customer = insert_customer(&pool, "C-1", "General Hospital", &admin).await;
    let order = insert_order(&pool, "ORD-1", &customer, &coord).await;

    // Inserted without app.current_user_id: CREATE row with no user.
    let created_by_nobody: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit.audit_log
         WHERE resource_type = 'orders' AND resource_id = $1 AND action = 'CREATE' AND user_id IS NULL",
    )
    .bind(&order)
    .fetch_one(&pool)
    .await?;
    assert_eq!(created_by_nobody, 1);

    let mut tx = pool.begin().await?;
    sqlx::query(&format!("SET LOCAL app.current_user_id = '{coord}'"))
        .execute(&mut *tx)
        .await?;
    sqlx::query("SET LOCAL app.current_session_id = 'session-42'")
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE orders.orders SET priority = 'RUSH' WHERE id = $1::uuid")
        .bind(&order)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;

    let row = sqlx::query(
        "SELECT user_id::text AS user_id, user_email, user_role::text AS user_role, session_id,
                changed_fields, old_values ->> 'priority' AS old_priority,
                new_values ->> 'priority' AS new_priority
         FROM audit.audit_log
         WHERE resource_type = 'orders' AND resource_id = $1 AND action = 'UPDATE'",
    )
    .bind(&order)
    .fetch_one(&pool)
    .await?;
    assert_eq!(
        row.try_get::<Option<String>, _>("user_id")?.as_deref(),
        Some(coord.as_str())
    );
    assert_eq!(
        row.try_get::<Option<String>, _>("user_email")?.as_deref(),
        Some("coord@example.com")
    );
    assert_eq!(
        row.try_get::<Option<String>, _>("user_role")?.as_deref(),
        Some("PRODUCTION_COORDINATOR")
    );
    assert_eq!(
        row.try_get::<Option<String>, _>("session_id")?.as_deref(),
        Some("session-42")
    );
    assert_eq!(
        row.try_get::<Option<Vec<String>>, _>("changed_fields")?,
        Some(vec!["priority".to_string()])
    );
    assert_eq!(
        row.try_get::<Option<String>, _>("old_priority")?.as_deref(),
        Some("STANDARD")
    );
    assert_eq!(
        row.try_get::<Option<String>, _>("new_priority")?.as_deref(),
        Some("RUSH")
    );

    let detail: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit.data_changes
         WHERE schema_name = 'orders' AND table_name = 'orders' AND record_id = $1 AND operation = 'U'",
    )
    .bind(&order)
    .fetch_one(&pool)
    .await?;
    assert_eq!(detail, 1);

    // After the transaction the setting reads '' (not NULL); writes still work
    // and carry no user. An update that changes nothing but updated_at is not logged.
    sqlx::query("UPDATE orders.orders SET priority = priority WHERE id = $1::uuid")
        .bind(&order)
        .execute(&pool)
        .await?;
    sqlx::query("UPDATE orders.orders SET special_instructions = 'Call ahead' WHERE id = $1::uuid")
        .bind(&order)
        .execute(&pool)
        .await?;
    let updates: Vec<Option<String>> = sqlx::query_scalar(
        "SELECT user_id::text FROM audit.audit_log
         WHERE resource_type = 'orders' AND resource_id = $1 AND action = 'UPDATE'
         ORDER BY created_at, (user_id IS NULL)",
    )
    .bind(&order)
    .fetch_all(&pool)
    .await?;
    assert_eq!(
        updates.len(),
        2,
        "no-op update must not be audited: {updates:?}"
    );
    assert!(updates.contains(&None));
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn audit_never_stores_password_hash(pool: PgPool) -> sqlx::Result<()> {
    let admin = insert_user(&pool, "admin@example.com", "ADMIN").await;
    let qc = insert_user(&pool, "qc@example.com", "QC_PERSON").await;
    let new_hash = "$argon2id$v=19$m=19456,t=2,p=1$bmV3c2FsdA$brand-new-secret-hash";

    let mut tx = pool.begin().await?;
    sqlx::query(&format!("SET LOCAL app.current_user_id = '{admin}'"))
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE auth.users SET password_hash = $1, first_name = 'Helen', password_changed_at = now()
         WHERE id = $2::uuid",
    )
    .bind(new_hash)
    .bind(&qc)
    .execute(&mut *tx)
    .await?;
    // a password-only change is still logged, without the hash
    sqlx::query("UPDATE auth.users SET password_hash = $1 WHERE id = $2::uuid")
        .bind(format!("{new_hash}-2"))
        .bind(&qc)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;

    let user_rows: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit.audit_log WHERE resource_type = 'users' AND resource_id = $1",
    )
    .bind(&qc)
    .fetch_one(&pool)
    .await?;
    assert_eq!(user_rows, 3, "CREATE + two UPDATEs");

    let leaks_log: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit.audit_log
         WHERE old_values ? 'password_hash' OR new_values ? 'password_hash'
            OR 'password_hash' = ANY (coalesce(changed_fields, '{}'))
            OR audit_log::text LIKE '%argon2id%'",
    )
    .fetch_one(&pool)
    .await?;
    assert_eq!(leaks_log, 0);

    let leaks_changes: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit.data_changes
         WHERE old_row ? 'password_hash' OR new_row ? 'password_hash'
            OR data_changes::text LIKE '%argon2id%'",
    )
    .fetch_one(&pool)
    .await?;
    assert_eq!(leaks_changes, 0);

    // The rest of the row is there.
    let row = sqlx::query(
        "SELECT user_id::text AS user_id, new_values ->> 'first_name' AS first_name,
                new_values ->> 'email' AS email, changed_fields
         FROM audit.audit_log
         WHERE resource_type = 'users' AND resource_id = $1 AND action = 'UPDATE'
           AND 'first_name' = ANY (changed_fields)",
    )
    .bind(&qc)
    .fetch_one(&pool)
    .await?;
    assert_eq!(
        row.try_get::<Option<String>, _>("user_id")?.as_deref(),
        Some(admin.as_str())
    );
    assert_eq!(
        row.try_get::<Option<String>, _>("first_name")?.as_deref(),
        Some("Helen")
    );
    assert_eq!(
        row.try_get::<Option<String>, _>("email")?.as_deref(),
        Some("qc@example.com")
    );
    Ok(())
}

// ---------------------------------------------------------------------------
// updated_at
// ---------------------------------------------------------------------------

#[sqlx::test(migrations = "../migrations")]
async fn updated_at_moves_on_update(pool: PgPool) -> sqlx::Result<()> {
    let user = insert_user(&pool, "coord@example.com", "PRODUCTION_COORDINATOR").await;
    let customer: String = sqlx::query_scalar(
        "INSERT INTO customers (customer_number, company_name, created_at, updated_at, created_by)
         VALUES ('C-1', 'Old Name', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', $1::uuid)
         RETURNING id::text",
    )
    .bind(&user)
    .fetch_one(&pool)
    .await?;

    sqlx::query("UPDATE customers SET company_name = 'New Name' WHERE id = $1::uuid")
        .bind(&customer)
        .execute(&pool)
        .await?;

    let row = sqlx::query(
        "SELECT updated_at > '2020-01-02T00:00:00Z'::timestamptz AS moved,
                created_at = '2020-01-01T00:00:00Z'::timestamptz AS created_kept
         FROM customers WHERE id = $1::uuid",
    )
    .bind(&customer)
    .fetch_one(&pool)
    .await?;
    assert!(row.try_get::<bool, _>("moved")?);
    assert!(row.try_get::<bool, _>("created_kept")?);

    // An explicit old updated_at in an UPDATE is overridden as well.
    let part = insert_part(&pool, "999-0001", 1, 0, 0).await;
    sqlx::query(
        "UPDATE inventory.parts SET quantity_on_hand = 2, updated_at = '2020-01-01T00:00:00Z'
         WHERE id = $1::uuid",
    )
    .bind(&part)
    .execute(&pool)
    .await?;
    let moved: bool = sqlx::query_scalar(
        "SELECT updated_at > '2020-01-02T00:00:00Z'::timestamptz FROM inventory.parts WHERE id = $1::uuid",
    )
    .bind(&part)
    .fetch_one(&pool)
    .await?;
    assert!(moved);
    Ok(())
}
