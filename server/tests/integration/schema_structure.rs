//! Migrations apply to an empty database and build the design's structure.
//! Each `#[sqlx::test]` gets a fresh database with `../migrations` applied.

use sqlx::{PgPool, Row};

use crate::support::arranging;
use crate::support::rows::{insert_part, insert_user};

#[sqlx::test(migrations = "../migrations")]
async fn migrations_create_all_tables_and_views(pool: PgPool) -> sqlx::Result<()> {
    let tables: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM information_schema.tables
         WHERE table_type = 'BASE TABLE'
           AND table_schema IN ('public', 'auth', 'inventory', 'orders', 'products',
                                'quality', 'workflow', 'audit', 'files', 'system')
           AND table_name NOT IN ('_sqlx_migrations', 'stock_movements', 'vendors', 'number_sequences',
                                  'sink_family_options', 'sink_builds', 'order_counts',
                                   'attempt_counts', 'chain_head', 'chain_verifications', 'signatures',
                                   'signature_policy', 'work_centers', 'routes', 'route_steps',
                                   'route_step_predecessors', 'checklist_templates',
                                   'checklist_template_items', 'qc_results',
                                   'stock_lots', 'part_serials', 'serial_movements',
                                   'build_record_revisions', 'retention_runs',
                                   'retention_run_tables', 'chain_tombstones')",
    )
    .fetch_one(&pool)
    .await?;
    assert_eq!(
        tables, 39,
        "the design's 39 tables, beside the stock ledger, vendors, number sequences, sink options, builds, order counts, attempt counts, the audit chain's head and verifications, signatures, the signature policy, the shop floor's work centers and routes, QC's checklist templates and captures, the lots and serials, the frozen production records, and the retention runs and the audit chain's tombstones added later"
    );

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

#[sqlx::test(migrations = "../migrations")]
async fn updated_at_moves_on_update(pool: PgPool) -> sqlx::Result<()> {
    let user = insert_user(&pool, "coord@example.com", "PRODUCTION_COORDINATOR").await;
    let customer: String = sqlx::query_scalar(
        "INSERT INTO customers (customer_number, company_name, created_at, updated_at, created_by)
         VALUES ('C-1', 'Old Name', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', $1::uuid)
         RETURNING id::text",
    )
    .bind(&user)
    .fetch_one(&mut arranging(&pool).await)
    .await?;

    sqlx::query("UPDATE customers SET company_name = 'New Name' WHERE id = $1::uuid")
        .bind(&customer)
        .execute(&mut arranging(&pool).await)
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
    .execute(&mut arranging(&pool).await)
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
