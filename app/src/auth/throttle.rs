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
    let windows: Vec<_> = buckets.iter().map(|(_, limit)| limit.window(now)).collect();
    let names: Vec<String> = buckets.iter().map(|(bucket, _)| bucket.clone()).collect();
    let starts: Vec<_> = windows.iter().map(|window| window.start).collect();
    let ends: Vec<_> = windows.iter().map(|window| window.end).collect();
    // Every bucket counted in one statement; the buckets are distinct, so
    // no row is touched twice.
    let counts = sqlx::query!(
        r#"INSERT INTO auth.attempt_counts (bucket, window_start, window_end, hits)
           SELECT bucket, window_start, window_end, 1
           FROM UNNEST($1::text[], $2::timestamptz[], $3::timestamptz[])
                AS t(bucket, window_start, window_end)
           ON CONFLICT (bucket, window_start)
           DO UPDATE SET hits = auth.attempt_counts.hits + 1
           RETURNING bucket, hits"#,
        &names,
        &starts,
        &ends,
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut wait = None;
    for ((bucket, limit), window) in buckets.iter().zip(&windows) {
        let hits = counts
            .iter()
            .find(|count| &count.bucket == bucket)
            .map_or(0, |count| count.hits);
        if limit.exceeded_by(hits) {
            wait = wait.max(Some(window.retry_after(now)));
        }
    }
    let counted = names.into_iter().zip(starts).collect();
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
        let (buckets, starts): (Vec<String>, Vec<DateTime<Utc>>) = self.counted.into_iter().unzip();
        sqlx::query!(
            "UPDATE auth.attempt_counts c SET hits = c.hits - 1
             FROM UNNEST($1::text[], $2::timestamptz[]) AS t(bucket, window_start)
             WHERE c.bucket = t.bucket AND c.window_start = t.window_start AND c.hits > 0",
            &buckets,
            &starts,
        )
        .execute(&mut *conn)
        .await?;
        Ok(())
    }
}
