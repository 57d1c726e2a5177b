//! What the host provides to every render and server function.

use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use axum::http::HeaderValue;
use axum::http::header::{SET_COOKIE, USER_AGENT};
use axum::http::request::Parts;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;
use sqlx::PgPool;

use crate::auth::sessions::{AuthSettings, Client};
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

/// Where a request came from, for sessions and sign-in records.
pub struct RequestInfo {
    ip: Option<String>,
    user_agent: Option<String>,
}

impl RequestInfo {
    /// The request's client: its address as `AuthSettings::client_address`
    /// says to read it, and its user agent.
    pub fn current() -> Self {
        let parts = use_context::<Parts>();
        let from =
            auth_settings().map_or_else(|_| Default::default(), |settings| settings.client_address);
        Self {
            ip: parts.as_ref().and_then(|parts| {
                let connection = parts
                    .extensions
                    .get::<ConnectInfo<SocketAddr>>()
                    .map(|ConnectInfo(addr)| addr.ip());
                from.address(&parts.headers, connection)
                    .map(|ip| ip.to_string())
            }),
            user_agent: parts
                .as_ref()
                .and_then(|parts| parts.headers.get(USER_AGENT))
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
