//! Configuration from environment variables, read once at start-up. Every
//! problem is reported at once, by variable name, before anything starts.

use std::net::SocketAddr;
use std::path::PathBuf;

use chrono::Duration;
use torvan::session::{LockoutPolicy, SessionPolicy};
use torvan_app::auth::sessions::AuthSettings;

/// Server-function arguments and forms are small: a larger body is refused
/// before it is read, so nobody can make the server hold megabytes.
pub const DEFAULT_MAX_BODY_BYTES: usize = 256 * 1024;
/// A parts file (the one upload) may be large: 50,000 rows are some 15 MB.
pub const DEFAULT_MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .problems.join("; "))]
pub struct ConfigError {
    pub problems: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct DatabaseConfig {
    /// `DATABASE_URL`: the role the app serves as. With two roles, a member
    /// of `torvan_runtime` that owns nothing (README, security).
    pub url: String,
    /// `TORVAN_MIGRATION_DATABASE_URL`: the schema's owner, who applies the
    /// migrations. Unset, `url` does both, as a one-role set-up always has.
    pub migration_url: Option<String>,
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
            migration_url: env.optional("TORVAN_MIGRATION_DATABASE_URL"),
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
        let database = DatabaseConfig::read(&mut env);
        let site_addr = env.parsed("TORVAN_SITE_ADDR", SocketAddr::from(([127, 0, 0, 1], 3000)));
        let config = Self {
            database,
            site_addr,
            site_root: env
                .optional("TORVAN_SITE_ROOT")
                .unwrap_or("target/site".into())
                .into(),
            storage: StorageConfig::read(&mut env),
            auth: read_auth(&mut env, site_addr),
            max_body_bytes: env.parsed("TORVAN_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES),
            max_import_bytes: env.parsed("TORVAN_MAX_IMPORT_BYTES", DEFAULT_MAX_IMPORT_BYTES),
        };
        env.finish(config)
    }
}

impl StorageConfig {
    /// The storage alone, for a command that needs no web server (backup).
    pub fn from_env() -> Result<Self, ConfigError> {
        let mut env = Env::new(|key| std::env::var(key).ok());
        let config = Self::read(&mut env);
        env.finish(config)
    }

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

fn read_auth(
    env: &mut Env<impl Fn(&str) -> Option<String>>,
    site_addr: SocketAddr,
) -> AuthSettings {
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
        secure_cookies: behind_tls(env, site_addr),
        client_address: env.parsed("TORVAN_CLIENT_ADDRESS_HEADER", Default::default()),
    }
}

/// Whether browsers reach the app over TLS (a proxy in front terminates
/// it): then the cookie is `Secure` and `__Host-` named, HSTS is sent and
/// only an `https` origin is the app's. Plain HTTP is the default only on
/// loopback, where nobody else can listen in; on any other address the
/// operator says which it is, so no installation is plain HTTP by mistake.
fn behind_tls(env: &mut Env<impl Fn(&str) -> Option<String>>, site_addr: SocketAddr) -> bool {
    if env.optional("TORVAN_SECURE_COOKIES").is_some() {
        env.problems
            .push("TORVAN_SECURE_COOKIES is replaced by TORVAN_BEHIND_TLS".into());
    }
    let tls = env.parsed("TORVAN_BEHIND_TLS", false);
    let insecure = env.parsed("TORVAN_INSECURE_HTTP", false);
    match (tls, insecure) {
        (true, true) => env
            .problems
            .push("TORVAN_BEHIND_TLS and TORVAN_INSECURE_HTTP cannot both be true".into()),
        (false, false) if !site_addr.ip().is_loopback() => env.problems.push(format!(
            "TORVAN_SITE_ADDR={site_addr} is reachable from other machines: serve it behind \
             TLS and set TORVAN_BEHIND_TLS=true, or set TORVAN_INSECURE_HTTP=true to serve \
             plain HTTP knowingly"
        )),
        _ => {}
    }
    tls
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
        assert_eq!(config.database.migration_url, None);
        assert!(matches!(config.storage, StorageConfig::Embedded { .. }));
        assert_eq!(config.auth.sessions, SessionPolicy::default());
        assert_eq!(config.max_body_bytes, 256 * 1024);
        assert!(!config.auth.secure_cookies);
    }

    #[test]
    fn migrations_may_run_as_another_role_than_the_app() {
        let config = config(&[
            ("DATABASE_URL", "postgres://torvan_app@db/torvan"),
            (
                "TORVAN_MIGRATION_DATABASE_URL",
                "postgres://torvan_owner@db/torvan",
            ),
        ])
        .unwrap();
        assert_eq!(config.database.url, "postgres://torvan_app@db/torvan");
        assert_eq!(
            config.database.migration_url.as_deref(),
            Some("postgres://torvan_owner@db/torvan")
        );
    }

    #[test]
    fn session_timeouts_and_secure_cookies_are_configurable() {
        let config = config(&[
            ("DATABASE_URL", "postgres://localhost/torvan"),
            ("TORVAN_SESSION_IDLE_MINUTES", "10"),
            ("TORVAN_SESSION_MAX_HOURS", "8"),
            ("TORVAN_BEHIND_TLS", "true"),
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

    const DB: (&str, &str) = ("DATABASE_URL", "postgres://localhost/torvan");

    #[test]
    fn a_public_address_without_tls_in_front_is_refused_unless_said_knowingly() {
        let error = config(&[DB, ("TORVAN_SITE_ADDR", "0.0.0.0:3000")]).unwrap_err();
        assert_eq!(error.problems.len(), 1);
        assert!(
            error.problems[0].contains("TORVAN_BEHIND_TLS=true"),
            "{error}"
        );

        let tls = config(&[
            DB,
            ("TORVAN_SITE_ADDR", "0.0.0.0:3000"),
            ("TORVAN_BEHIND_TLS", "true"),
        ]);
        assert!(tls.unwrap().auth.secure_cookies);
        let plain = config(&[
            DB,
            ("TORVAN_SITE_ADDR", "10.0.0.5:80"),
            ("TORVAN_INSECURE_HTTP", "true"),
        ]);
        assert!(!plain.unwrap().auth.secure_cookies);
    }

    #[test]
    fn loopback_is_plain_http_unless_a_proxy_on_the_host_serves_tls() {
        assert!(
            !config(&[DB, ("TORVAN_SITE_ADDR", "[::1]:3000")])
                .unwrap()
                .auth
                .secure_cookies
        );
        let proxied = config(&[DB, ("TORVAN_BEHIND_TLS", "true")]).unwrap();
        assert!(proxied.auth.secure_cookies);
    }

    #[test]
    fn contradicting_or_retired_transport_variables_are_refused() {
        let both = config(&[
            DB,
            ("TORVAN_BEHIND_TLS", "true"),
            ("TORVAN_INSECURE_HTTP", "true"),
        ]);
        assert_eq!(
            both.unwrap_err().problems,
            ["TORVAN_BEHIND_TLS and TORVAN_INSECURE_HTTP cannot both be true"]
        );
        let retired = config(&[DB, ("TORVAN_SECURE_COOKIES", "true")]);
        assert_eq!(
            retired.unwrap_err().problems,
            ["TORVAN_SECURE_COOKIES is replaced by TORVAN_BEHIND_TLS"]
        );
    }

    #[test]
    fn blank_values_count_as_unset() {
        let error = config(&[("DATABASE_URL", "  ")]).unwrap_err();
        assert_eq!(error.problems, ["DATABASE_URL is not set"]);
    }
}
