//! The runtime role in the test cluster: a login role in `torvan_runtime`
//! (which migration 30 creates), and a pool of the test's database as it.

use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;

/// The login role the tests serve as; made once per cluster.
pub const RUNTIME_LOGIN: &str = "torvan_test_runtime";

/// A pool on the test's own database, signed in as the runtime role.
pub async fn runtime_pool(pool: &PgPool) -> PgPool {
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)")
            .bind(RUNTIME_LOGIN)
            .fetch_one(pool)
            .await
            .unwrap();
    if !exists {
        let created = sqlx::query(&format!(
            "CREATE ROLE {RUNTIME_LOGIN} LOGIN IN ROLE torvan_runtime"
        ))
        .execute(pool)
        .await;
        // Tests run in parallel: another may have created it meanwhile.
        if let Err(error) = created {
            let code = super::rows::sqlstate(&error);
            assert!(
                matches!(code.as_deref(), Some("42710" | "23505")),
                "{error}"
            );
        }
    }
    let options = (*pool.connect_options()).clone().username(RUNTIME_LOGIN);
    PgPoolOptions::new()
        .max_connections(4)
        .connect_with(options)
        .await
        .unwrap()
}
