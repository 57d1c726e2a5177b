//! Counting password checks against `torvan::throttle`'s limits, in
//! `auth.attempt_counts`, so every app server behind a load balancer sees
//! the same counts and none keeps any. An attempt counts itself in each of
//! its buckets with one `INSERT … ON CONFLICT … RETURNING` on a connection
//! outside any transaction, before its password is checked: a concurrent
//! burst is counted as it arrives, not after its checks. One over a limit
//! is answered 429 with `Retry-After`; an attempt that lets someone in
//! gives its counts back in the transaction that records it.
//!
//! The argon2 semaphore in `password_hash` is per process by nature: it
//! guards this process's cores. What keeps strangers from filling it is
//! the everyone-together limit here, which holds across all servers.

use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderValue, StatusCode};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;
use sqlx::PgConnection;
use torvan::throttle::{Limit, ThrottlePolicy};
use uuid::Uuid;

use super::guard::set_status;
use crate::error::AppError;

/// The buckets a sign-in from `ip` counts in.
pub fn sign_in(policy: &ThrottlePolicy, ip: Option<&str>) -> Vec<(String, Limit)> {
    let mut buckets = vec![("sign-in".to_owned(), policy.sign_in_everyone)];
    if let Some(ip) = ip {
        buckets.push((format!("sign-in address {ip}"), policy.sign_in_per_address));
    }
    buckets
}

/// The buckets a current-password check of `account` from `ip` counts in.
pub fn password_change(
    policy: &ThrottlePolicy,
    account: Uuid,
    ip: Option<&str>,
) -> Vec<(String, Limit)> {
    let mut buckets = vec![
        ("password".to_owned(), policy.password_change_everyone),
        (
            format!("password account {account}"),
            policy.password_change_per_account,
        ),
    ];
    if let Some(ip) = ip {
        buckets.push((
            format!("password address {ip}"),
            policy.password_change_per_address,
        ));
    }
    buckets
}

/// An attempt let through: where it was counted, to give back.
#[must_use]
pub struct Admitted {
    counted: Vec<(String, DateTime<Utc>)>,
}

/// Counts one attempt in each bucket; refuses it with 429 and
/// `Retry-After` (the longest wait among the limits it is over) when it is
/// one too many in any.
pub async fn admit(
    conn: &mut PgConnection,
    buckets: &[(String, Limit)],
    now: DateTime<Utc>,
) -> Result<Admitted, AppError> {
    // Counts of windows that have ended are of no use to anyone.
    sqlx::query!(
        "DELETE FROM auth.attempt_counts WHERE window_end <= $1",
        now
    )
    .execute(&mut *conn)
    .await?;
    let mut counted = Vec::with_capacity(buckets.len());
    let mut wait = None;
    for (bucket, limit) in buckets {
        let window = limit.window(now);
        let hits = sqlx::query_scalar!(
            "INSERT INTO auth.attempt_counts (bucket, window_start, window_end, hits)
             VALUES ($1, $2, $3, 1)
             ON CONFLICT (bucket, window_start)
             DO UPDATE SET hits = auth.attempt_counts.hits + 1
             RETURNING hits",
            bucket,
            window.start,
            window.end,
        )
        .fetch_one(&mut *conn)
        .await?;
        counted.push((bucket.clone(), window.start));
        if limit.exceeded_by(hits) {
            wait = wait.max(Some(window.retry_after(now)));
        }
    }
    match wait {
        None => Ok(Admitted { counted }),
        Some(retry_after_seconds) => {
            tracing::warn!(?buckets, retry_after_seconds, "password checks throttled");
            set_status(StatusCode::TOO_MANY_REQUESTS);
            if let Some(response) = use_context::<ResponseOptions>() {
                response.insert_header(RETRY_AFTER, HeaderValue::from(retry_after_seconds));
            }
            Err(AppError::TooManyAttempts {
                retry_after_seconds,
            })
        }
    }
}

impl Admitted {
    /// Takes the attempt off the counts: it let its user in.
    pub async fn give_back(self, conn: &mut PgConnection) -> Result<(), AppError> {
        for (bucket, window_start) in self.counted {
            sqlx::query!(
                "UPDATE auth.attempt_counts SET hits = hits - 1
                 WHERE bucket = $1 AND window_start = $2 AND hits > 0",
                bucket,
                window_start,
            )
            .execute(&mut *conn)
            .await?;
        }
        Ok(())
    }
}
