//! Server-side sessions in `auth.user_sessions`. The cookie carries a random
//! 256-bit token; the database keeps only its SHA-256, so a leaked table
//! grants no session. Any instance can resolve any session: no server state.

use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};
use sqlx::PgConnection;
use torvan::session::{LockoutPolicy, SessionEnd, SessionPolicy};
use torvan::text::hex;
use torvan::{DbEnum, Role, SystemActor};
use uuid::Uuid;

use super::CurrentUser;
use super::guard::SessionUser;
use crate::audit::event::{self, Event, Kind};
use crate::db::{self, Acting};
use crate::error::AppError;

pub const COOKIE_NAME: &str = "torvan_session";
/// The name over TLS. A browser keeps a `__Host-` cookie only if it is
/// Secure, for the whole site and for this host alone, so neither a plain
/// HTTP page nor a sibling domain can plant one.
pub const SECURE_COOKIE_NAME: &str = "__Host-torvan_session";

/// How sessions and sign-ins behave on this installation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuthSettings {
    pub sessions: SessionPolicy,
    pub lockout: LockoutPolicy,
    /// Mark the cookie `Secure` (the site is served over TLS).
    pub secure_cookies: bool,
    /// Where a client's address is read, which sign-in throttling counts by.
    pub client_address: ClientAddressFrom,
}

/// Where the client's address comes from: the connection, or, behind a
/// reverse proxy that every request passes, the header that proxy sets.
/// `X-Real-IP` is taken whole (the proxy must overwrite what a client
/// sent); of `X-Forwarded-For` only the last address counts, the one the
/// proxy appended, since a client can write any before it. A header that
/// is missing or holds no address leaves the connection's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClientAddressFrom {
    #[default]
    Connection,
    XRealIp,
    XForwardedFor,
}

impl std::str::FromStr for ClientAddressFrom {
    type Err = String;

    /// The header's name, any case, as `TORVAN_CLIENT_ADDRESS_HEADER` gives it.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name.trim().to_ascii_lowercase().as_str() {
            "x-real-ip" => Ok(Self::XRealIp),
            "x-forwarded-for" => Ok(Self::XForwardedFor),
            _ => Err(format!("`{name}` is not X-Real-IP or X-Forwarded-For")),
        }
    }
}

impl ClientAddressFrom {
    /// The client's address, from `headers` when a proxy header applies,
    /// else from the connection.
    pub fn address(
        self,
        headers: &axum::http::HeaderMap,
        connection: Option<std::net::IpAddr>,
    ) -> Option<std::net::IpAddr> {
        let header = match self {
            Self::Connection => None,
            Self::XRealIp => headers.get("x-real-ip"),
            Self::XForwardedFor => headers.get_all("x-forwarded-for").iter().next_back(),
        };
        let from_header = header
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.rsplit(',').next())
            .and_then(|last| last.trim().parse().ok());
        from_header.or(connection)
    }
}

impl AuthSettings {
    /// The session cookie's name: `__Host-` prefixed over TLS.
    pub fn cookie_name(&self) -> &'static str {
        if self.secure_cookies {
            SECURE_COOKIE_NAME
        } else {
            COOKIE_NAME
        }
    }
}

/// A session just started: its id and the token for the cookie.
pub struct Issued {
    pub id: Uuid,
    pub token: String,
}

/// Why a session ended, as stored in `end_reason` and told in the trail.
/// An admin's doing names the admin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndReason<'a> {
    SignOut,
    Idle,
    Expired,
    /// The user changed their own password.
    PasswordChanged,
    /// An admin set a new password.
    PasswordReset {
        admin: &'a str,
    },
    /// An admin suspended or deactivated the account.
    Suspended {
        admin: &'a str,
    },
    EndedByAdmin {
        admin: &'a str,
    },
}

impl EndReason<'_> {
    fn as_db_str(self) -> &'static str {
        match self {
            Self::SignOut => "SIGN_OUT",
            Self::Idle => "IDLE",
            Self::Expired => "EXPIRED",
            Self::PasswordChanged | Self::PasswordReset { .. } => "PASSWORD_CHANGED",
            Self::Suspended { .. } => "SUSPENDED",
            Self::EndedByAdmin { .. } => "ENDED_BY_ADMIN",
        }
    }

    /// What the audit trail says of a session ended so.
    fn description(self) -> String {
        match self {
            Self::SignOut => "signed out".to_owned(),
            Self::Idle => "session timed out: not used for too long".to_owned(),
            Self::Expired => "session timed out: reached its time limit".to_owned(),
            Self::PasswordChanged => "session ended: password changed".to_owned(),
            Self::PasswordReset { admin } => {
                format!("session ended by admin {admin}: password reset")
            }
            Self::Suspended { admin } => {
                format!("session ended by admin {admin}: account no longer active")
            }
            Self::EndedByAdmin { admin } => format!("session ended by admin {admin}"),
        }
    }
}

impl From<SessionEnd> for EndReason<'static> {
    fn from(end: SessionEnd) -> Self {
        match end {
            SessionEnd::Idle => Self::Idle,
            SessionEnd::Expired => Self::Expired,
        }
    }
}

/// How a session came to start, as the trail tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartReason {
    SignIn,
    /// The user changed their password: their other sessions ended, and the
    /// browser that changed it goes on in a new one.
    PasswordChanged,
}

impl StartReason {
    fn description(self) -> &'static str {
        match self {
            Self::SignIn => "signed in",
            Self::PasswordChanged => "signed in again after changing the password",
        }
    }
}

/// Last use is written at most this often, not on every request.
const TOUCH_INTERVAL: Duration = Duration::seconds(60);

fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn new_token() -> Result<String, AppError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|error| {
        tracing::error!(%error, "no randomness for a session token");
        AppError::Internal
    })?;
    Ok(hex(&bytes))
}

/// Where a request came from, as sessions and sign-in records keep it.
#[derive(Debug, Clone, Copy)]
pub struct Client<'a> {
    pub ip: Option<&'a str>,
    pub user_agent: Option<&'a str>,
}

/// Starts a session for `user_id`, in the caller's transaction, and
/// records it in the audit trail.
pub async fn start(
    conn: &mut PgConnection,
    user_id: Uuid,
    policy: &SessionPolicy,
    now: DateTime<Utc>,
    client: Client<'_>,
    reason: StartReason,
) -> Result<Issued, AppError> {
    let token = new_token()?;
    let id = sqlx::query_scalar!(
        "INSERT INTO auth.user_sessions
             (user_id, session_token, expires_at, ip_address, user_agent, created_at, last_seen_at)
         VALUES ($1, $2, $3, $4::text::inet, $5, $6, $6)
         RETURNING id",
        user_id,
        token_hash(&token),
        now + policy.absolute_timeout,
        client.ip,
        client.user_agent,
        now,
    )
    .fetch_one(&mut *conn)
    .await?;
    event::record(
        conn,
        session_event(Kind::Login, user_id, id, reason.description()),
    )
    .await?;
    Ok(Issued { id, token })
}

fn session_event(kind: Kind, user_id: Uuid, session_id: Uuid, description: &str) -> Event<'_> {
    Event {
        kind,
        user_id,
        session_id: Some(session_id),
        resource_type: "user_sessions",
        resource_id: Some(session_id.to_string()),
        description,
        params: None,
    }
}

/// The user behind a cookie token, if its session is active, within its
/// timeouts, and its user is active. A session past a timeout is ended
/// here, when it is next used (nothing watches the clock), acting as the
/// session-expiry system actor for `client`, the request that found it.
pub async fn resolve(
    conn: &mut PgConnection,
    token: &str,
    policy: &SessionPolicy,
    now: DateTime<Utc>,
    client: Client<'_>,
) -> Result<Option<SessionUser>, AppError> {
    let row = sqlx::query!(
        r#"SELECT s.id, s.created_at AS "created_at!", s.last_seen_at, u.id AS user_id, u.email,
                u.first_name, u.last_name, u.role::text AS "role!", u.must_change_password
         FROM auth.user_sessions s JOIN auth.users u ON u.id = s.user_id
         WHERE s.session_token = $1 AND s.is_active AND u.status = 'ACTIVE'"#,
        token_hash(token),
    )
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(None) };

    if let Err(end) = policy.check(row.created_at, row.last_seen_at, now) {
        let acting = Acting::System(SystemActor::SessionExpiry);
        let mut tx = db::begin_on(conn, acting, client).await?;
        end_session(&mut tx, row.id, end.into()).await?;
        tx.commit().await?;
        return Ok(None);
    }
    if now - row.last_seen_at >= TOUCH_INTERVAL {
        sqlx::query!(
            "UPDATE auth.user_sessions SET last_seen_at = $2 WHERE id = $1",
            row.id,
            now,
        )
        .execute(conn)
        .await?;
    }
    Ok(Some(SessionUser {
        session_id: row.id,
        must_change_password: row.must_change_password,
        user: CurrentUser {
            id: row.user_id,
            email: row.email,
            name: format!("{} {}", row.first_name, row.last_name),
            role: Role::parse(&row.role)?,
        },
    }))
}

/// The role of a session that still stands (active, its user active, and
/// neither idle nor too old by `policy`), looked up without touching it:
/// a live stream asks now and then, and an open board is not activity.
/// A session past its limits is ended by the next request it makes.
pub async fn role_while_active(
    conn: &mut PgConnection,
    session_id: Uuid,
    policy: &SessionPolicy,
    now: DateTime<Utc>,
) -> Result<Option<Role>, AppError> {
    let row = sqlx::query!(
        r#"SELECT s.created_at AS "created_at!", s.last_seen_at, u.role::text AS "role!"
         FROM auth.user_sessions s JOIN auth.users u ON u.id = s.user_id
         WHERE s.id = $1 AND s.is_active AND u.status = 'ACTIVE'"#,
        session_id,
    )
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        Some(row) if policy.check(row.created_at, row.last_seen_at, now).is_ok() => {
            Ok(Some(Role::parse(&row.role)?))
        }
        _ => Ok(None),
    }
}

/// Ends one session, if still active, and records why in the trail.
pub async fn end_session(
    conn: &mut PgConnection,
    session_id: Uuid,
    reason: EndReason<'_>,
) -> Result<(), AppError> {
    let ended = sqlx::query!(
        "UPDATE auth.user_sessions SET is_active = FALSE, ended_at = now(), end_reason = $2
         WHERE id = $1 AND is_active
         RETURNING id, user_id",
        session_id,
        reason.as_db_str(),
    )
    .fetch_all(&mut *conn)
    .await?;
    let ended = ended.into_iter().map(|row| (row.id, row.user_id));
    record_ends(conn, ended, reason).await
}

/// Ends every active session of a user, each recorded in the trail.
pub async fn end_all_sessions(
    conn: &mut PgConnection,
    user_id: Uuid,
    reason: EndReason<'_>,
) -> Result<(), AppError> {
    let ended = sqlx::query!(
        "UPDATE auth.user_sessions SET is_active = FALSE, ended_at = now(), end_reason = $2
         WHERE user_id = $1 AND is_active
         RETURNING id, user_id",
        user_id,
        reason.as_db_str(),
    )
    .fetch_all(&mut *conn)
    .await?;
    let ended = ended.into_iter().map(|row| (row.id, row.user_id));
    record_ends(conn, ended, reason).await
}

/// One LOGOUT row per session ended (a session ended already is not
/// ended again, so it is never recorded twice).
async fn record_ends(
    conn: &mut PgConnection,
    ended: impl Iterator<Item = (Uuid, Uuid)>,
    reason: EndReason<'_>,
) -> Result<(), AppError> {
    let description = reason.description();
    for (session_id, user_id) in ended {
        let event = session_event(Kind::Logout, user_id, session_id, &description);
        event::record(conn, event).await?;
    }
    Ok(())
}

/// The `Set-Cookie` value that stores a session token in the browser.
pub fn session_cookie(token: &str, settings: &AuthSettings) -> String {
    cookie(
        token,
        settings.sessions.absolute_timeout.num_seconds(),
        settings,
    )
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn cleared_cookie(settings: &AuthSettings) -> String {
    cookie("", 0, settings)
}

fn cookie(value: &str, max_age: i64, settings: &AuthSettings) -> String {
    let secure = if settings.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let name = settings.cookie_name();
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}")
}

/// The session token in a `Cookie` header, if any, under the one name
/// `settings` use.
pub fn token_from_cookie_header<'a>(header: &'a str, settings: &AuthSettings) -> Option<&'a str> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == settings.cookie_name())
        .map(|(_, value)| value)
        .filter(|value| !value.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_256_random_bits_and_stored_hashed() {
        let token = new_token().unwrap();
        assert_eq!(token.len(), 64);
        assert_ne!(token, new_token().unwrap());
        let stored = token_hash(&token);
        assert_eq!(stored.len(), 64);
        assert_ne!(stored, token);
    }

    #[test]
    fn the_cookie_is_http_only_lax_and_secure_on_tls() {
        let mut settings = AuthSettings {
            sessions: SessionPolicy::default(),
            lockout: LockoutPolicy::default(),
            secure_cookies: false,
            client_address: ClientAddressFrom::Connection,
        };
        let cookie = session_cookie("abc", &settings);
        assert_eq!(
            cookie,
            "torvan_session=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=43200"
        );
        settings.secure_cookies = true;
        let cookie = session_cookie("abc", &settings);
        assert!(cookie.ends_with("; Secure"));
        assert!(cookie.starts_with("__Host-torvan_session=abc; Path=/;"));
    }

    fn settings(secure_cookies: bool) -> AuthSettings {
        AuthSettings {
            sessions: SessionPolicy::default(),
            lockout: LockoutPolicy::default(),
            secure_cookies,
            client_address: ClientAddressFrom::default(),
        }
    }

    #[test]
    fn the_client_address_is_the_connections_unless_a_trusted_proxy_header_says_it() {
        let connection = Some("10.0.0.2".parse().unwrap());
        let mut headers = axum::http::HeaderMap::new();
        headers.insert("x-real-ip", "203.0.113.7".parse().unwrap());
        headers.insert(
            "x-forwarded-for",
            "192.0.2.66, 198.51.100.4".parse().unwrap(),
        );
        let address = |from: &str, headers: &axum::http::HeaderMap| {
            from.parse::<ClientAddressFrom>()
                .unwrap()
                .address(headers, connection)
                .map(|ip| ip.to_string())
        };
        assert_eq!(
            ClientAddressFrom::Connection
                .address(&headers, connection)
                .map(|ip| ip.to_string()),
            Some("10.0.0.2".to_owned())
        );
        assert_eq!(
            address("X-Real-IP", &headers),
            Some("203.0.113.7".to_owned())
        );
        assert_eq!(
            address("x-forwarded-for", &headers),
            Some("198.51.100.4".to_owned()),
            "the address the proxy appended, not one the client wrote"
        );
        headers.insert("x-real-ip", "not an address".parse().unwrap());
        assert_eq!(address("X-Real-IP", &headers), Some("10.0.0.2".to_owned()));
        assert!("Forwarded".parse::<ClientAddressFrom>().is_err());
    }

    #[test]
    fn the_token_is_found_among_other_cookies() {
        let plain = settings(false);
        assert_eq!(
            token_from_cookie_header("a=1; torvan_session=xyz; b=2", &plain),
            Some("xyz")
        );
        assert_eq!(token_from_cookie_header("a=1", &plain), None);
        assert_eq!(token_from_cookie_header("torvan_session=", &plain), None);
    }

    #[test]
    fn over_tls_only_the_host_prefixed_cookie_is_read() {
        let tls = settings(true);
        let both = "torvan_session=planted; __Host-torvan_session=real";
        assert_eq!(token_from_cookie_header(both, &tls), Some("real"));
        assert_eq!(
            token_from_cookie_header("torvan_session=planted", &tls),
            None
        );
    }
}
