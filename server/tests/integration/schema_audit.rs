//! The audit trigger: who changed what, and never a secret.
//! Each `#[sqlx::test]` gets a fresh database with `../migrations` applied.

use sqlx::{PgPool, Row};

use crate::support::rows::{insert_customer, insert_order, insert_user, sqlstate};

#[sqlx::test(migrations = "../migrations")]
async fn audit_trigger_records_acting_user(pool: PgPool) -> sqlx::Result<()> {
    let admin = insert_user(&pool, "admin@example.com", "ADMIN").await;
    let coord = insert_user(&pool, "coord@example.com", "PRODUCTION_COORDINATOR").await;
    let customer = insert_customer(&pool, "C-1", "General Hospital", &admin).await;
    let order = insert_order(&pool, "ORD-1", &customer, &coord).await;

    // Inserted by the arrangement, which acts as the demo seed: a CREATE
    // row with no user that names the seed.
    let created_by_the_seed: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit.audit_log
         WHERE resource_type = 'orders' AND resource_id = $1 AND action = 'CREATE'
           AND user_id IS NULL AND system_actor = 'seed-demo'",
    )
    .bind(&order)
    .fetch_one(&pool)
    .await?;
    assert_eq!(created_by_the_seed, 1);

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

    // After the transaction the setting reads '' (not NULL): a change then
    // names nobody and is refused. An update that changes nothing but
    // updated_at records nothing, so it is neither logged nor refused.
    sqlx::query("UPDATE orders.orders SET priority = priority WHERE id = $1::uuid")
        .bind(&order)
        .execute(&pool)
        .await?;
    let refused = sqlx::query(
        "UPDATE orders.orders SET special_instructions = 'Call ahead' WHERE id = $1::uuid",
    )
    .bind(&order)
    .execute(&pool)
    .await
    .unwrap_err();
    assert_eq!(sqlstate(&refused).as_deref(), Some("42501"), "{refused}");
    let updates: Vec<Option<String>> = sqlx::query_scalar(
        "SELECT user_id::text FROM audit.audit_log
         WHERE resource_type = 'orders' AND resource_id = $1 AND action = 'UPDATE'",
    )
    .bind(&order)
    .fetch_all(&pool)
    .await?;
    assert_eq!(
        updates,
        [Some(coord.clone())],
        "only the coordinator's update is audited"
    );
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
