use std::net::SocketAddr;

use crate::config::ConfigError;
use crate::storage::StorageError;

/// Why the host could not start or stopped: each says what to fix.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("configuration: {0}")]
    Config(#[from] ConfigError),
    #[error("cannot connect to the database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("cannot apply the database migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("file storage: {0}")]
    Storage(#[from] StorageError),
    #[error(
        "cannot listen on {addr}: {source} (is another process using the port? set TORVAN_SITE_ADDR)"
    )]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("{0}")]
    Input(String),
    /// `torvan audit verify` found a row that does not match.
    #[error("{0}")]
    AuditChain(String),
    /// `torvan backup`: a step of the dump, its check, store or restore.
    #[error("backup: {0}")]
    Backup(String),
    #[error("the HTTP server failed: {0}")]
    Serve(std::io::Error),
}
