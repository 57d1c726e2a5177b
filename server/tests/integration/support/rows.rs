//! Rows the schema tests insert for themselves (no demo data in these
//! tests), as test arrangements (`arranging`).

use sqlx::PgPool;

use super::arranging;

pub const TEST_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$not-a-real-hash-test-only";

pub async fn insert_user(pool: &PgPool, email: &str, role: &str) -> String {
    sqlx::query_scalar::<_, String>(
        "INSERT INTO auth.users (email, password_hash, role, first_name, last_name)
         VALUES ($1, $2, $3::user_role, 'Test', 'User')
         RETURNING id::text",
    )
    .bind(email)
    .bind(TEST_HASH)
    .bind(role)
    .fetch_one(&mut arranging(pool).await)
    .await
    .expect("insert user")
}

pub async fn insert_customer(pool: &PgPool, number: &str, name: &str, created_by: &str) -> String {
    sqlx::query_scalar::<_, String>(
        "INSERT INTO customers (customer_number, company_name, created_by)
         VALUES ($1, $2, $3::uuid)
         RETURNING id::text",
    )
    .bind(number)
    .bind(name)
    .bind(created_by)
    .fetch_one(&mut arranging(pool).await)
    .await
    .expect("insert customer")
}

pub async fn insert_order(
    pool: &PgPool,
    number: &str,
    customer_id: &str,
    created_by: &str,
) -> String {
    sqlx::query_scalar::<_, String>(
        "INSERT INTO orders.orders (order_number, customer_id, created_by)
         VALUES ($1, $2::uuid, $3::uuid)
         RETURNING id::text",
    )
    .bind(number)
    .bind(customer_id)
    .bind(created_by)
    .fetch_one(&mut arranging(pool).await)
    .await
    .expect("insert order")
}

/// A part with no place in the hierarchy (sub_assembly_id is nullable).
pub async fn insert_part(
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
    .fetch_one(&mut arranging(pool).await)
    .await
    .expect("insert part")
}

pub async fn insert_sink_family(pool: &PgPool, code: &str) -> String {
    sqlx::query_scalar::<_, String>(
        "INSERT INTO products.sink_families (name, code, available_materials, max_basins, base_price)
         VALUES ('Family ' || $1, $1, ARRAY['304','316L'], 3, 5000.00)
         RETURNING id::text",
    )
    .bind(code)
    .fetch_one(&mut arranging(pool).await)
    .await
    .expect("insert sink family")
}

pub fn sqlstate(err: &sqlx::Error) -> Option<String> {
    err.as_database_error()
        .and_then(|e| e.code())
        .map(|c| c.to_string())
}
