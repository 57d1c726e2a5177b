use leptos::prelude::*;
use sqlx::PgPool;

use crate::error::AppError;

/// The database pool, provided to every render and server function by the host.
pub fn pool() -> Result<PgPool, AppError> {
    use_context::<PgPool>().ok_or_else(|| {
        tracing::error!("no database pool in the request context");
        AppError::Internal
    })
}
