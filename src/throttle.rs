//! How many password checks a client address, an account and everyone
//! together may ask for in a while, before the server answers "too many"
//! without checking. Each limit counts in fixed windows aligned to the
//! epoch, so every app server that counts in one shared table agrees on
//! which window an attempt falls in and when it ends. A check that lets
//! someone in gives its count back: the limits hold back guessing, not
//! people who sign in.

use chrono::{DateTime, Duration, Utc};

/// At most `hits` attempts in each window of `window`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub hits: i32,
    pub window: Duration,
}

/// One window of a limit: attempts from `start` until `end` count together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Limit {
    /// The window `now` falls in.
    pub fn window(&self, now: DateTime<Utc>) -> Window {
        let length = self.window.num_seconds().max(1);
        let start = now.timestamp().div_euclid(length) * length;
        let start = DateTime::from_timestamp(start, 0).unwrap_or(now);
        Window {
            start,
            end: start + Duration::seconds(length),
        }
    }

    /// Whether the attempt that brought the window's count to `hits` is
    /// one too many.
    pub fn exceeded_by(&self, hits: i32) -> bool {
        hits > self.hits
    }
}

impl Window {
    /// Whole seconds until the window ends, at least one: the
    /// `Retry-After` of an attempt refused in it.
    pub fn retry_after(&self, now: DateTime<Utc>) -> u64 {
        let left = (self.end - now).num_milliseconds().max(0);
        u64::try_from(left.div_euclid(1000) + i64::from(left % 1000 != 0))
            .unwrap_or(1)
            .max(1)
    }
}

/// The limits on checking passwords. Sign-in counts per client address
/// (several people behind one office address included) and for everyone,
/// which bounds how many slow password checks the server does for
/// strangers; the current-password check of a password change counts per
/// address, per account and for everyone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    pub sign_in_per_address: Limit,
    pub sign_in_everyone: Limit,
    pub password_change_per_address: Limit,
    pub password_change_per_account: Limit,
    pub password_change_everyone: Limit,
}

impl Default for ThrottlePolicy {
    fn default() -> Self {
        let per_quarter_hour = |hits| Limit {
            hits,
            window: Duration::minutes(15),
        };
        let per_minute = |hits| Limit {
            hits,
            window: Duration::minutes(1),
        };
        Self {
            sign_in_per_address: per_quarter_hour(20),
            sign_in_everyone: per_minute(100),
            password_change_per_address: per_quarter_hour(20),
            password_change_per_account: per_quarter_hour(5),
            password_change_everyone: per_minute(100),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + seconds, 0).unwrap()
    }

    fn per_quarter_hour(hits: i32) -> Limit {
        Limit {
            hits,
            window: Duration::minutes(15),
        }
    }

    #[test]
    fn attempts_a_moment_apart_share_the_window_every_server_computes_alike() {
        let limit = per_quarter_hour(5);
        // 1_800_000_000 seconds after the epoch is a quarter hour's start.
        assert_eq!(limit.window(at(0)).start, at(0));
        assert_eq!(limit.window(at(899)), limit.window(at(0)));
        assert_eq!(limit.window(at(900)).start, at(900));
        assert_eq!(limit.window(at(900)).end, at(1800));
    }

    #[test]
    fn the_attempt_past_the_limit_is_the_first_refused() {
        let limit = per_quarter_hour(5);
        assert!(!limit.exceeded_by(5));
        assert!(limit.exceeded_by(6));
    }

    #[test]
    fn retry_after_counts_whole_seconds_to_the_end_of_the_window_and_never_zero() {
        let window = per_quarter_hour(5).window(at(0));
        assert_eq!(window.retry_after(at(0)), 900);
        assert_eq!(
            window.retry_after(at(898) + Duration::milliseconds(1)),
            2,
            "a part second left is a whole one"
        );
        assert_eq!(window.retry_after(at(1000)), 1);
    }
}
