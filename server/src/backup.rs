//! Backups (issue #17): `torvan backup` writes a consistent `pg_dump` of the
//! database to S3 and records it in `system.backup_jobs`; `torvan backup
//! restore KEY --into URL` loads one into an empty database.
//!
//! `pg_dump` reads the whole database in one repeatable-read snapshot, so
//! the dump is consistent while the app keeps writing. The dump is the
//! custom format (compressed, restorable table by table). Before the job is
//! marked completed the stored file is listed by `pg_restore --list`: a
//! dump that cannot be read back is recorded as failed, never as a backup.
//! The row is written first as RUNNING, so a backup that dies half-way is
//! seen as one that never finished.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use axum::body::Bytes;
use sha2::{Digest, Sha256};
use sqlx::PgPool;
use uuid::Uuid;

use crate::ServerError;
use crate::config::{DatabaseConfig, StorageConfig};
use crate::storage::Storage;

/// A backup stored and recorded.
#[derive(Debug, Clone)]
pub struct Backup {
    pub id: Uuid,
    pub key: String,
    pub size_bytes: i64,
    pub sha256: String,
}

/// Where PostgreSQL's client programs are: `TORVAN_PG_BIN_DIR`, else the
/// newest Debian-style `/usr/lib/postgresql/*/bin` (a `pg_dump` must be at
/// least as new as the server), else the `PATH`.
#[derive(Debug, Clone)]
pub struct PgTools {
    bin_dir: Option<PathBuf>,
}

impl PgTools {
    pub fn from_env() -> Self {
        let configured = std::env::var_os("TORVAN_PG_BIN_DIR").map(PathBuf::from);
        Self {
            bin_dir: configured.or_else(newest_debian_bin_dir),
        }
    }

    fn program(&self, name: &str) -> PathBuf {
        match &self.bin_dir {
            Some(dir) => dir.join(name),
            None => PathBuf::from(name),
        }
    }

    /// Runs `name` with `args`; its standard output, or why it failed.
    async fn run(&self, name: &str, args: Vec<String>) -> Result<Vec<u8>, ServerError> {
        let program = self.program(name);
        let shown = program.display().to_string();
        let output =
            tokio::task::spawn_blocking(move || Command::new(&program).args(&args).output())
                .await
                .map_err(|error| ServerError::Backup(format!("{shown} did not finish: {error}")))?
                .map_err(|error| ServerError::Backup(format!("cannot run {shown}: {error}")))?;
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            return Err(ServerError::Backup(format!(
                "{shown} failed ({}): {}",
                output.status,
                stderr.trim()
            )));
        }
        Ok(output.stdout)
    }
}

fn newest_debian_bin_dir() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("pg_dump").exists().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

/// `torvan backup`: dumps the database named by the configuration (as the
/// schema's owner when `TORVAN_MIGRATION_DATABASE_URL` is set) to S3.
pub async fn run() -> Result<(), ServerError> {
    let database = DatabaseConfig::from_env()?;
    let storage = Storage::start(&StorageConfig::from_env()?).await?;
    let pool = crate::db::connect(&database).await?;
    let source = database.migration_url.as_deref().unwrap_or(&database.url);
    let backup = back_up(&pool, source, &storage, &PgTools::from_env()).await?;
    println!(
        "backup {} stored at {} ({} bytes, SHA-256 {})",
        backup.id, backup.key, backup.size_bytes, backup.sha256
    );
    Ok(())
}

/// `torvan backup restore KEY --into URL`.
pub async fn run_restore(key: &str, into: &str) -> Result<(), ServerError> {
    let storage = Storage::start(&StorageConfig::from_env()?).await?;
    restore(&storage, key, into, &PgTools::from_env()).await?;
    println!(
        "backup {key} restored; check it with `DATABASE_URL=<the new database> torvan audit verify`"
    );
    Ok(())
}

/// Dumps `source_url`'s database to S3 and records it through `pool`
/// (the same database).
pub async fn back_up(
    pool: &PgPool,
    source_url: &str,
    storage: &Storage,
    tools: &PgTools,
) -> Result<Backup, ServerError> {
    let id = Uuid::new_v4();
    let started = Instant::now();
    let started_at = chrono::Utc::now();
    let version = tools.run("pg_dump", vec!["--version".into()]).await?;
    let tool = String::from_utf8_lossy(&version).trim().to_owned();
    sqlx::query!(
        "INSERT INTO system.backup_jobs (id, backup_type, started_at, status, backup_tool)
         VALUES ($1, 'FULL', $2, 'RUNNING', $3)",
        id,
        started_at,
        tool,
    )
    .execute(pool)
    .await?;
    let key = format!(
        "backups/{}/{}-{id}.dump",
        started_at.format("%Y"),
        started_at.format("%Y%m%dT%H%M%SZ")
    );
    let outcome = match PrivateDir::new() {
        Ok(dir) => {
            dump_and_store(source_url, storage, tools, &dir.0.join("backup.dump"), &key).await
        }
        Err(error) => Err(error),
    };
    let seconds = i32::try_from(started.elapsed().as_secs()).unwrap_or(i32::MAX);
    match outcome {
        Ok((size_bytes, sha256)) => {
            sqlx::query!(
                "UPDATE system.backup_jobs
                 SET status = 'COMPLETED', completed_at = now(), duration_seconds = $2,
                     backup_size_bytes = $3, backup_location = $4, verification_status = 'LISTED'
                 WHERE id = $1",
                id,
                seconds,
                size_bytes,
                key,
            )
            .execute(pool)
            .await?;
            Ok(Backup {
                id,
                key,
                size_bytes,
                sha256,
            })
        }
        Err(error) => {
            sqlx::query!(
                "UPDATE system.backup_jobs
                 SET status = 'FAILED', completed_at = now(), duration_seconds = $2,
                     error_message = $3
                 WHERE id = $1",
                id,
                seconds,
                error.to_string(),
            )
            .execute(pool)
            .await?;
            Err(error)
        }
    }
}

/// Dumps to `file`, checks it lists, stores it at `key`; its size and hash.
async fn dump_and_store(
    source_url: &str,
    storage: &Storage,
    tools: &PgTools,
    file: &Path,
    key: &str,
) -> Result<(i64, String), ServerError> {
    let path = file.display().to_string();
    tools
        .run(
            "pg_dump",
            vec![
                "--format=custom".into(),
                format!("--file={path}"),
                format!("--dbname={source_url}"),
            ],
        )
        .await?;
    tools
        .run("pg_restore", vec!["--list".into(), path.clone()])
        .await?;
    let bytes = std::fs::read(file)
        .map_err(|error| ServerError::Backup(format!("cannot read the dump {path}: {error}")))?;
    let sha256 = torvan::text::hex(&Sha256::digest(&bytes));
    let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
    storage
        .put(key, Bytes::from(bytes), "application/octet-stream")
        .await
        .map_err(|error| ServerError::Backup(error.to_string()))?;
    Ok((size, sha256))
}

/// Loads the backup at `key` into the database at `into_url`, which must
/// hold no tables: a restore never mixes with data already there. Objects
/// are owned by the restoring role; the grants to `torvan_runtime` are
/// restored, so that role must exist in the target cluster.
pub async fn restore(
    storage: &Storage,
    key: &str,
    into_url: &str,
    tools: &PgTools,
) -> Result<(), ServerError> {
    let target = sqlx::PgPool::connect(into_url).await?;
    let tables: i64 = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM pg_tables
           WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"#
    )
    .fetch_one(&target)
    .await?;
    target.close().await;
    if tables > 0 {
        return Err(ServerError::Input(format!(
            "the target database holds {tables} tables: restore into a new, empty database"
        )));
    }
    let object = storage
        .get(key)
        .await
        .map_err(|error| ServerError::Backup(error.to_string()))?;
    let bytes = object
        .body
        .collect()
        .await
        .map_err(|error| ServerError::Backup(format!("cannot read {key}: {error}")))?
        .into_bytes();
    let dir = PrivateDir::new()?;
    let file = dir.0.join("restore.dump");
    std::fs::write(&file, &bytes).map_err(|error| {
        ServerError::Backup(format!("cannot write {}: {error}", file.display()))
    })?;
    tools
        .run(
            "pg_restore",
            vec![
                "--exit-on-error".into(),
                "--no-owner".into(),
                format!("--dbname={into_url}"),
                file.display().to_string(),
            ],
        )
        .await
        .map(|_| ())
}

/// A folder only this user can read, for a dump on its way to or from the
/// store (it holds every row, password hashes included); removed with
/// everything in it when dropped.
struct PrivateDir(PathBuf);

impl PrivateDir {
    fn new() -> Result<Self, ServerError> {
        use std::os::unix::fs::DirBuilderExt;
        let path = std::env::temp_dir().join(format!("torvan-backup-{}", Uuid::new_v4()));
        std::fs::DirBuilder::new()
            .mode(0o700)
            .create(&path)
            .map_err(|error| {
                ServerError::Backup(format!("cannot create {}: {error}", path.display()))
            })?;
        Ok(Self(path))
    }
}

impl Drop for PrivateDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
