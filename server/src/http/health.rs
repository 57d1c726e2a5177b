use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use sqlx::PgPool;

use crate::storage::Storage;

/// Liveness: the process answers.
pub async fn healthz() -> &'static str {
    "ok"
}

/// Readiness: the database and the file store answer within a second, so a
/// load balancer sends traffic only to instances that can serve it.
pub async fn readyz(
    State(pool): State<PgPool>,
    State(storage): State<Storage>,
) -> (StatusCode, &'static str) {
    let database = tokio::time::timeout(
        Duration::from_secs(1),
        sqlx::query_scalar!(r#"SELECT 1 AS "one!""#).fetch_one(&pool),
    );
    let files = tokio::time::timeout(Duration::from_secs(1), storage.check());
    match tokio::join!(database, files) {
        (Ok(Ok(_)), Ok(Ok(()))) => (StatusCode::OK, "ready"),
        (database, files) => {
            tracing::warn!(
                database_ok = matches!(database, Ok(Ok(_))),
                files_ok = matches!(files, Ok(Ok(()))),
                "not ready"
            );
            (StatusCode::SERVICE_UNAVAILABLE, "not ready")
        }
    }
}
