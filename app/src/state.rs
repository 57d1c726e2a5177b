//! What the host provides to every render and server function.

use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use axum::http::header::{SET_COOKIE, USER_AGENT};
use axum::http::request::Parts;
use axum::http::{Extensions, HeaderMap, HeaderValue};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;
use sqlx::PgPool;

use crate::auth::sessions::{AuthSettings, Client, ClientAddressFrom};
use crate::error::AppError;

/// The database pool.
pub fn pool() -> Result<PgPool, AppError> {
    use_context::<PgPool>().ok_or_else(|| missing("database pool"))
}

pub fn auth_settings() -> Result<AuthSettings, AppError> {
    use_context::<AuthSettings>().ok_or_else(|| missing("auth settings"))
}

fn missing(what: &str) -> AppError {
    tracing::error!("no {what} in the request context");
    AppError::Internal
}

pub fn set_cookie(value: &str) {
    match (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(value),
    ) {
        (Some(response), Ok(value)) => response.append_header(SET_COOKIE, value),
        _ => tracing::error!("cannot set a cookie on this response"),
    }
}

/// Where a request came from, for sessions, sign-in records and the audit
/// trail.
pub struct RequestInfo {
    ip: Option<String>,
    user_agent: Option<String>,
}

impl RequestInfo {
    /// The client of the request being served, if any (a command-line tool
    /// serves none): its address as `AuthSettings::client_address` says to
    /// read it, and its user agent.
    pub fn current() -> Self {
        let Some(parts) = use_context::<Parts>() else {
            return Self {
                ip: None,
                user_agent: None,
            };
        };
        let from =
            auth_settings().map_or_else(|_| Default::default(), |settings| settings.client_address);
        Self::of(&parts.headers, &parts.extensions, from)
    }

    /// The client of a request with these headers and extensions (where the
    /// host put the connection's address).
    pub fn of(headers: &HeaderMap, extensions: &Extensions, from: ClientAddressFrom) -> Self {
        let connection = extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip());
        Self {
            ip: from.address(headers, connection).map(|ip| ip.to_string()),
            user_agent: headers
                .get(USER_AGENT)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned),
        }
    }

    pub fn client(&self) -> Client<'_> {
        Client {
            ip: self.ip.as_deref(),
            user_agent: self.user_agent.as_deref(),
        }
    }
}
