//! Configuration from environment variables, read once at start-up. Every
//! problem is reported at once, by variable name, before anything starts.

use std::net::SocketAddr;
use std::path::PathBuf;

use chrono::Duration;
use torvan::session::{LockoutPolicy, SessionPolicy};
use torvan_app::auth::sessions::AuthSettings;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .problems.join("; "))]
pub struct ConfigError {
    pub problems: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct DatabaseConfig {
    pub url: String,
    pub max_connections: u32,
}

#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub database: DatabaseConfig,
    pub site_addr: SocketAddr,
    pub site_root: PathBuf,
    pub storage: StorageConfig,
    pub auth: AuthSettings,
    /// Request bodies above this many bytes are refused (413).
    pub max_body_bytes: usize,
    /// The same for a parts file sent to be imported, the one upload.
    pub max_import_bytes: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageConfig {
    /// An S3 service elsewhere (AWS, MinIO, Ceph…).
    External {
        endpoint: String,
        region: String,
        bucket: String,
        access_key_id: String,
        secret_access_key: String,
    },
    /// No endpoint configured: an S3-compatible server inside this process,
    /// keeping objects in a folder, so dev and tests use the same client code.
    Embedded { data_dir: PathBuf, bucket: String },
}

impl DatabaseConfig {
    pub fn from_env() -> Result<Self, ConfigError> {
        let mut env = Env::new(|key| std::env::var(key).ok());
        let config = Self::read(&mut env);
        env.finish(config)
    }

    fn read(env: &mut Env<impl Fn(&str) -> Option<String>>) -> Self {
        Self {
            url: env.required("DATABASE_URL"),
            max_connections: env.parsed("TORVAN_DB_MAX_CONNECTIONS", 10),
        }
    }
}

impl ServeConfig {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|key| std::env::var(key).ok())
    }

    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let mut env = Env::new(lookup);
        let config = Self {
            database: DatabaseConfig::read(&mut env),
            site_addr: env.parsed("TORVAN_SITE_ADDR", SocketAddr::from(([127, 0, 0, 1], 3000))),
            site_root: env
                .optional("TORVAN_SITE_ROOT")
                .unwrap_or("target/site".into())
                .into(),
            storage: StorageConfig::read(&mut env),
            auth: read_auth(&mut env),
            max_body_bytes: env.parsed("TORVAN_MAX_BODY_BYTES", 16 * 1024 * 1024),
            max_import_bytes: env.parsed("TORVAN_MAX_IMPORT_BYTES", 64 * 1024 * 1024),
        };
        env.finish(config)
    }
}

impl StorageConfig {
    fn read(env: &mut Env<impl Fn(&str) -> Option<String>>) -> Self {
        let bucket = env
            .optional("TORVAN_S3_BUCKET")
            .unwrap_or("torvan-files".into());
        match env.optional("TORVAN_S3_ENDPOINT") {
            Some(endpoint) => Self::External {
                endpoint,
                region: env
                    .optional("TORVAN_S3_REGION")
                    .unwrap_or("us-east-1".into()),
                bucket,
                access_key_id: env.required("TORVAN_S3_ACCESS_KEY_ID"),
                secret_access_key: env.required("TORVAN_S3_SECRET_ACCESS_KEY"),
            },
            None => Self::Embedded {
                data_dir: env
                    .optional("TORVAN_LOCAL_S3_DIR")
                    .unwrap_or(".torvan/s3".into())
                    .into(),
                bucket,
            },
        }
    }
}

fn read_auth(env: &mut Env<impl Fn(&str) -> Option<String>>) -> AuthSettings {
    let idle_minutes = env.parsed("TORVAN_SESSION_IDLE_MINUTES", 30_i64);
    let max_hours = env.parsed("TORVAN_SESSION_MAX_HOURS", 12_i64);
    if idle_minutes < 1 || max_hours < 1 {
        env.problems
            .push("session timeouts must be at least 1".into());
    }
    AuthSettings {
        sessions: SessionPolicy {
            idle_timeout: Duration::minutes(idle_minutes),
            absolute_timeout: Duration::hours(max_hours),
        },
        lockout: LockoutPolicy::default(),
        secure_cookies: env.parsed("TORVAN_SECURE_COOKIES", false),
        client_address: env.parsed("TORVAN_CLIENT_ADDRESS_HEADER", Default::default()),
    }
}

/// Reads variables and collects every problem instead of stopping at the first.
struct Env<F> {
    lookup: F,
    problems: Vec<String>,
}

impl<F: Fn(&str) -> Option<String>> Env<F> {
    fn new(lookup: F) -> Self {
        Self {
            lookup,
            problems: Vec::new(),
        }
    }

    fn optional(&self, key: &str) -> Option<String> {
        (self.lookup)(key).filter(|value| !value.trim().is_empty())
    }

    fn required(&mut self, key: &str) -> String {
        self.optional(key).unwrap_or_else(|| {
            self.problems.push(format!("{key} is not set"));
            String::new()
        })
    }

    fn parsed<T: std::str::FromStr>(&mut self, key: &str, default: T) -> T {
        match self.optional(key) {
            None => default,
            Some(raw) => raw.parse().unwrap_or_else(|_| {
                self.problems.push(format!("{key}=`{raw}` is not valid"));
                default
            }),
        }
    }

    fn finish<T>(self, config: T) -> Result<T, ConfigError> {
        if self.problems.is_empty() {
            Ok(config)
        } else {
            Err(ConfigError {
                problems: self.problems,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use torvan_app::auth::sessions::ClientAddressFrom;

    fn config(vars: &[(&str, &str)]) -> Result<ServeConfig, ConfigError> {
        ServeConfig::from_lookup(|key| {
            vars.iter()
                .find(|(name, _)| *name == key)
                .map(|(_, value)| value.to_string())
        })
    }

    #[test]
    fn defaults_need_only_a_database_url() {
        let config = config(&[("DATABASE_URL", "postgres://localhost/torvan")]).unwrap();
        assert_eq!(config.site_addr.to_string(), "127.0.0.1:3000");
        assert_eq!(config.database.max_connections, 10);
        assert!(matches!(config.storage, StorageConfig::Embedded { .. }));
        assert_eq!(config.auth.sessions, SessionPolicy::default());
        assert_eq!(config.max_body_bytes, 16 * 1024 * 1024);
        assert!(!config.auth.secure_cookies);
    }

    #[test]
    fn session_timeouts_and_secure_cookies_are_configurable() {
        let config = config(&[
            ("DATABASE_URL", "postgres://localhost/torvan"),
            ("TORVAN_SESSION_IDLE_MINUTES", "10"),
            ("TORVAN_SESSION_MAX_HOURS", "8"),
            ("TORVAN_SECURE_COOKIES", "true"),
        ])
        .unwrap();
        assert_eq!(config.auth.sessions.idle_timeout, Duration::minutes(10));
        assert_eq!(config.auth.sessions.absolute_timeout, Duration::hours(8));
        assert!(config.auth.secure_cookies);
    }

    #[test]
    fn the_client_address_comes_from_the_connection_unless_a_proxy_header_is_named() {
        let base = ("DATABASE_URL", "postgres://localhost/torvan");
        let from = |header: &'static str| {
            config(&[base, ("TORVAN_CLIENT_ADDRESS_HEADER", header)]).map(|c| c.auth.client_address)
        };
        assert_eq!(
            config(&[base]).unwrap().auth.client_address,
            ClientAddressFrom::Connection
        );
        assert_eq!(
            from("X-Forwarded-For").unwrap(),
            ClientAddressFrom::XForwardedFor
        );
        assert!(from("Forwarded").is_err());
    }

    #[test]
    fn every_problem_is_reported_by_name() {
        let error = config(&[
            ("TORVAN_SITE_ADDR", "localhost"),
            ("TORVAN_S3_ENDPOINT", "https://s3.example.test"),
        ])
        .unwrap_err();
        assert_eq!(
            error.problems,
            [
                "DATABASE_URL is not set",
                "TORVAN_SITE_ADDR=`localhost` is not valid",
                "TORVAN_S3_ACCESS_KEY_ID is not set",
                "TORVAN_S3_SECRET_ACCESS_KEY is not set",
            ]
        );
    }

    #[test]
    fn an_endpoint_selects_external_storage() {
        let config = config(&[
            ("DATABASE_URL", "postgres://localhost/torvan"),
            ("TORVAN_S3_ENDPOINT", "https://s3.example.test"),
            ("TORVAN_S3_ACCESS_KEY_ID", "key"),
            ("TORVAN_S3_SECRET_ACCESS_KEY", "secret"),
            ("TORVAN_S3_BUCKET", "records"),
        ])
        .unwrap();
        assert_eq!(
            config.storage,
            StorageConfig::External {
                endpoint: "https://s3.example.test".into(),
                region: "us-east-1".into(),
                bucket: "records".into(),
                access_key_id: "key".into(),
                secret_access_key: "secret".into(),
            }
        );
    }

    #[test]
    fn blank_values_count_as_unset() {
        let error = config(&[("DATABASE_URL", "  ")]).unwrap_err();
        assert_eq!(error.problems, ["DATABASE_URL is not set"]);
    }
}
